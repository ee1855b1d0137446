/** A client request id (types/schemas/common.ts `requestId`): the same form submitted twice creates one facility. */
export const newRequestId = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`.padEnd(12, '0')
