import type { Middleware, Next, ParameterizedContext } from 'koa'
import type { AppContextExtras, AppState } from './context'

/**
 * A JSON answer serialised once, right under compression. Otherwise it is serialised twice: koa-compress
 * asks the response's length (Koa stringifies an object body to count it), then Koa stringifies it to send
 * it. Plain objects and arrays only (what presenters and the error handler make); the Content-Type Koa set
 * for the object stays `application/json`. A request without Accept-Encoding never meets koa-compress (app.ts):
 * Koa stringifies its answer once when it sends it, so it goes straight on (no promise, no second body).
 */
export function serializeJsonOnce(): Middleware<AppState, AppContextExtras> {
  const serialize = async (ctx: ParameterizedContext<AppState, AppContextExtras>, next: Next): Promise<void> => {
    await next()
    const body: unknown = ctx.body
    if (typeof body === 'object' && body !== null && (Array.isArray(body) || Object.getPrototypeOf(body) === Object.prototype)) {
      ctx.body = JSON.stringify(body)
    }
  }
  return (ctx, next) => (ctx.req.headers['accept-encoding'] ? serialize(ctx, next) : next())
}
