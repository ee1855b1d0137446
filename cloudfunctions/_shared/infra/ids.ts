// Document ids derived from who asked and the client's request id: a retried create finds the document the
// first attempt wrote instead of writing a second one.
import { createHash } from 'node:crypto'

export const requestDocId = (prefix: string, ...parts: string[]): string =>
  `${prefix}-${createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 20)}`
