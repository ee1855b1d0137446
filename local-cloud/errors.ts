// Errors answered over the protocol as `{ code, message, requestId }`, with the cloud's codes.
// wx-server-sdk turns the code into a numeric errCode and keeps only the message in errMsg, so every
// message starts with its code: code that matches errMsg (e.g. /TRANSACTION_CONFLICT/) keeps working.

export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`[${code}] ${message}`)
  }
}

export const errors = {
  collectionNotExist: (name: string) => new CloudError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`),
  collectionExists: (name: string) => new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `collection already exists: ${name}`),
  invalidParam: (message: string) => new CloudError('INVALID_PARAM', message),
  tooDeep: (what: string, limit: number) => new CloudError('INVALID_PARAM', `${what} nested deeper than ${limit} levels`),
  permissionDenied: (message: string) => new CloudError('PERMISSION_DENIED', message),
  requestFailed: (message: string) => new CloudError('DATABASE_REQUEST_FAILED', message),
  /** MongoDB's answer to a pattern its regex engine refuses (BadValue), passed on by the cloud database. */
  invalidRegex: (pattern: string, reason: string) =>
    new CloudError(
      'DATABASE_REQUEST_FAILED',
      `Regular expression is invalid: ${reason} (pattern: ${JSON.stringify(pattern.slice(0, 80))})`
    ),
  duplicateKey: (collection: string, index: string, key: unknown) =>
    new CloudError(
      'DATABASE_REQUEST_FAILED',
      `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${JSON.stringify(key)}`
    ),
  conflict: (message: string) => new CloudError('DATABASE_TRANSACTION_CONFLICT', message),
  notInTransaction: () =>
    new CloudError(
      'INVALID_PARAM',
      'only single-document operations are allowed in a transaction (doc().get/set/update/remove and add); where() queries, batch updates and removes, counts and aggregates are not'
    ),
  unknownAction: (action: string) => new CloudError('INVALID_PARAM', `unknown action: ${action.slice(0, 80)}`),
  functionNotFound: (name: string) => new CloudError('FUNCTIONS_REQUEST_FAIL', `function not found: ${name.slice(0, 80)}`),
  functionFailed: (message: string) => new CloudError('FUNCTIONS_EXECUTE_FAIL', message),
  storageNotExist: (path: string) => new CloudError('STORAGE_FILE_NONEXIST', `storage file not exists: ${path}`),
  storageFailed: (message: string) => new CloudError('STORAGE_REQUEST_FAIL', message)
}

/** Any thrown value as a CloudError (unexpected ones become a system error). */
export function toCloudError(e: unknown): CloudError {
  if (e instanceof CloudError) return e
  const message = e instanceof Error ? e.message : String(e)
  return new CloudError('SYS_ERR', message)
}
