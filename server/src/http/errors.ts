import { message, type ErrorCode, type MessageParams } from '@huzhu/shared'

export type ErrorDetails = readonly object[]

/**
 * An error the client should see: an HTTP status, a stable code from the shared
 * message catalogue and its Chinese text. Anything else thrown is a 500.
 */
export class AppError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly params: MessageParams | undefined
  readonly details: ErrorDetails | undefined
  readonly headers: Readonly<Record<string, string>>

  constructor(status: number, code: ErrorCode, options: { params?: MessageParams; details?: ErrorDetails; headers?: Record<string, string> } = {}) {
    super(`${status} ${code}`)
    this.name = 'AppError'
    this.status = status
    this.code = code
    this.params = options.params
    this.details = options.details
    this.headers = options.headers ?? {}
  }

  get userMessage(): string {
    return message(this.code, this.params)
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

type Options = ConstructorParameters<typeof AppError>[2]
const factory = (status: number, fallback: ErrorCode) => (code: ErrorCode = fallback, options?: Options) => new AppError(status, code, options)

export const badRequest = factory(400, 'validation_failed')
export const unauthenticated = factory(401, 'unauthenticated')
export const forbidden = factory(403, 'forbidden')
export const notFound = factory(404, 'not_found')
export const methodNotAllowed = factory(405, 'method_not_allowed')
export const conflict = factory(409, 'conflict')
export const payloadTooLarge = factory(413, 'body_too_large')
export const unsupportedMediaType = factory(415, 'content_type_unsupported')

export function tooManyRequests(retryAfterSeconds: number, code: ErrorCode = 'rate_limited'): AppError {
  return new AppError(429, code, { headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) } })
}

/** `65536` → `"64 KB"`: for messages such as "不能超过 {limit}". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`
  return `${Math.round(bytes / 1024)} KB`
}
