// Domain errors: thrown anywhere in a handler, turned into the error envelope by the router.
import { DEFAULT_ERROR_MESSAGES, type ErrorBody, type ErrorCode } from '../../../types/envelope'

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorBody['details']
  ) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code])
    this.name = 'AppError'
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message }
  }
}

export const invalid = (message?: string, details?: ErrorBody['details']) => new AppError('INVALID_ARGUMENT', message, details)
export const unauthenticated = (message?: string) => new AppError('UNAUTHENTICATED', message)
export const denied = (message?: string) => new AppError('PERMISSION_DENIED', message)
export const notFound = (message?: string) => new AppError('NOT_FOUND', message)
export const conflict = (message?: string) => new AppError('CONFLICT', message)
export const precondition = (message?: string, details?: ErrorBody['details']) => new AppError('FAILED_PRECONDITION', message, details)
export const exhausted = (message?: string) => new AppError('RESOURCE_EXHAUSTED', message)

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
