import { randomUUID } from 'node:crypto'
import type { Middleware, ParameterizedContext } from 'koa'
import type { Logger } from 'pino'
import type { AppContextExtras, AppState } from './context'
import { FRAME_POLICY, HSTS_POLICY } from './security-headers'

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * Outermost middleware: a request id (the caller's `X-Request-Id` when it is
 * sane, else a new one) on the response and on every log line of the request,
 * security headers (no framing anywhere; HSTS when `hsts`, i.e. in production; an
 * HTML page of the app gets its full policy from static-files.ts), and one
 * access-log line. The query string is never logged.
 */
export function requestContext(logger: Logger, options: { hsts: boolean }): Middleware<AppState, AppContextExtras> {
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id')
    const requestId = REQUEST_ID.test(incoming) ? incoming : randomUUID()
    ctx.state.requestId = requestId
    // Made when first used: most requests log nothing but the access line, which is off below `info`.
    let log: Logger | undefined
    Object.defineProperty(ctx.state, 'log', { get: () => (log ??= logger.child({ reqId: requestId })), enumerable: true, configurable: true })
    ctx.set('X-Request-Id', requestId)
    ctx.set('X-Content-Type-Options', 'nosniff')
    ctx.set('Referrer-Policy', 'no-referrer')
    ctx.set('X-Frame-Options', 'DENY')
    ctx.set('Content-Security-Policy', FRAME_POLICY)
    if (options.hsts) ctx.set('Strict-Transport-Security', HSTS_POLICY)
    if (ctx.path.startsWith('/api/')) ctx.set('Cache-Control', 'no-store')
    const started = performance.now()
    try {
      await next()
    } finally {
      if (logger.isLevelEnabled('info')) logAccess(ctx, started)
    }
  }
}

/** The access-log line: method, route, path (never the query string), status, time, account. */
function logAccess(ctx: ParameterizedContext<AppState, AppContextExtras>, started: number): void {
  const route = (ctx as { _matchedRoute?: unknown })._matchedRoute
  ctx.state.log.info({
    method: ctx.method,
    route: typeof route === 'string' ? route : undefined,
    path: ctx.path,
    status: ctx.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
    userId: ctx.state.user?.id,
  }, 'request')
}
