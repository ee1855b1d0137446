// Text a person typed, made literal before it goes into a database regex or a RegExp.
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
