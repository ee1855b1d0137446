// What both camera modules share: the handle of a running scan and the error whose message a person reads.
export interface CameraScan {
  stop: () => void
}

/** Starts the camera in `host`, calling `onCode` once with the first QR text it reads. */
export type StartCameraScan = (host: HTMLElement, codeName: string, onCode: (text: string) => void) => Promise<CameraScan>

export class CameraProblem extends Error {}
