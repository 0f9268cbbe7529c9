import type { Middleware } from 'koa'
import { ZodError } from 'zod'
import { describeIssues, type ErrorCode } from '@huzhu/shared'
import { CLIENT_CLOSED_REQUEST, clientAbortFields, clientClosedRequest } from './client-abort'
import type { AppContextExtras, AppState } from './context'
import { AppError, badRequest, isAppError, notFound } from './errors'

/** HTTP errors thrown by Koa or the router (they carry `status` and `expose`) as our codes. */
const codeForStatus: Readonly<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'body_too_large',
  415: 'content_type_unsupported',
  429: 'rate_limited',
}

function asHttpError(error: unknown): { status: number; expose: boolean } | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { status, expose } = error as { status?: unknown; expose?: unknown }
  return typeof status === 'number' ? { status, expose: expose === true } : undefined
}

function toAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error
  if (error instanceof ZodError) return badRequest('validation_failed', { details: describeIssues(error) })
  const http = asHttpError(error)
  if (http && http.status >= 400 && http.status < 500 && http.expose) {
    return new AppError(http.status, codeForStatus[http.status] ?? 'validation_failed')
  }
  return undefined
}

/**
 * The one error handler. Known errors become `{error: {code, message, details?}}`
 * with their status and Chinese message; validation failures a 400 with one
 * detail per field; anything else a plain 500 `internal_error`, logged once with
 * its stack (which never reaches the client). An API path nobody answered is a 404.
 * A request whose client closed the connection first (`client-abort.ts`) is
 * logged once at info, whatever the handler threw, with status 499.
 */
export function errorMiddleware(): Middleware<AppState, AppContextExtras> {
  return async (ctx, next) => {
    try {
      await next()
      if (ctx.status === 404 && ctx.body == null && ctx.path.startsWith('/api/')) throw notFound()
    } catch (error) {
      if (clientClosedRequest(ctx.req, error)) {
        // Not a server fault (a rider's phone lost signal mid-upload): one info line, no answer to send.
        ctx.state.log.info(clientAbortFields(ctx.req, error), 'client closed the connection before the answer')
        ctx.status = CLIENT_CLOSED_REQUEST
        return
      }
      let known = toAppError(error)
      if (!known) {
        ctx.state.log.error({ err: error }, 'request failed')
        known = new AppError(500, 'internal_error')
      }
      ctx.status = known.status
      for (const [name, value] of Object.entries(known.headers)) ctx.set(name, value)
      ctx.body = {
        error: {
          code: known.code,
          message: known.userMessage,
          ...(known.details ? { details: known.details } : {}),
        },
      }
    }
  }
}
