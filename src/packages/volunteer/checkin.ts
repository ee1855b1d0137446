// Reading a scanned check-in code on the client: which activity it belongs to (the server verifies it).
const CHECKIN_CODE = /^LLT-CHECKIN:([A-Za-z0-9_-]{1,64})\.\d{1,12}\.[A-Za-z0-9_-]+$/

/** The activity a scanned check-in code names, or null when it is not a check-in code. */
export function activityIdOf(scanned: string): string | null {
  return CHECKIN_CODE.exec(scanned.trim())?.[1] ?? null
}
