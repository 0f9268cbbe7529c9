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
  // The same for every response: set straight on the Node response (what `ctx.set` does with a string), in one loop.
  const fixed: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['X-Frame-Options', 'DENY'],
    ['Content-Security-Policy', FRAME_POLICY],
  ]
  if (options.hsts) fixed.push(['Strict-Transport-Security', HSTS_POLICY])
  const names = fixed.map(([name]) => name)
  const values = fixed.map(([, value]) => value)
  return async (ctx, next) => {
    const incoming = ctx.req.headers['x-request-id']
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    ctx.state = new RequestState(requestId, logger)
    const res = ctx.res
    res.setHeader('X-Request-Id', requestId)
    for (let i = 0; i < names.length; i++) res.setHeader(names[i]!, values[i]!)
    if (ctx.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store')
    const started = performance.now()
    try {
      await next()
    } finally {
      if (logger.isLevelEnabled('info')) logAccess(ctx, started)
    }
  }
}

/**
 * A request's `ctx.state`: its id, and its logger made when first used (most requests log nothing but the
 * access line, which is off below `info`). A class, so the lazy `log` costs no closure or property definition per request.
 */
class RequestState {
  user?: AppState['user']
  private childLog: Logger | undefined
  constructor(readonly requestId: string, private readonly logger: Logger) {}
  get log(): Logger {
    return (this.childLog ??= this.logger.child({ reqId: this.requestId }))
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
