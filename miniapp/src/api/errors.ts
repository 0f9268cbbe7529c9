import { errorBodySchema, fillTemplate, ui } from '@huzhu/shared'

/** Why a request failed: no answer, too slow, an answer we cannot read, or the server said no. */
export type ApiErrorKind = 'network' | 'timeout' | 'bad_response' | 'http'

/**
 * A failed API call. `message` is always Chinese text a member can read: the
 * server's own `{error: {message}}` when it sent one, else ours.
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind
  /** HTTP status, when an answer arrived. */
  readonly status: number | null
  /** The server's stable error code (e.g. `unknown_catalogue`), or the kind when there is none. */
  readonly code: string
  readonly details: readonly Record<string, unknown>[]

  constructor(kind: ApiErrorKind, options: { status?: number; code?: string; message?: string; details?: Record<string, unknown>[] } = {}) {
    super(options.message ?? defaultMessage(kind, options.status))
    this.name = 'ApiError'
    this.kind = kind
    this.status = options.status ?? null
    this.code = options.code ?? kind
    this.details = options.details ?? []
  }
}

function defaultMessage(kind: ApiErrorKind, status: number | undefined): string {
  switch (kind) {
    case 'network': return ui.network.offline
    case 'timeout': return ui.network.timeout
    case 'bad_response': return ui.network.badResponse
    case 'http': return fillTemplate(ui.network.httpStatus, { status: status ?? 0 })
  }
}

/**
 * The `ApiError` of an answer outside 2xx, whichever way it came (the JSON
 * client, a download, a raw-bytes upload): the server's code, Chinese message
 * and details when the body is its `{error: …}`, else the status alone.
 */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body)
  if (!parsed.success) return new ApiError('http', { status })
  const { code, message, details } = parsed.data.error
  return new ApiError('http', { status, code, message, ...(details ? { details } : {}) })
}

/** The Chinese message of any error a screen may catch. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : ui.network.badResponse
}
