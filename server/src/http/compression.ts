import compress from 'koa-compress'
import type { Middleware, Next, ParameterizedContext } from 'koa'
import type { AppContextExtras, AppState } from './context'

type Context = ParameterizedContext<AppState, AppContextExtras>

/**
 * gzip for text (the H5 bundle, JSON) when the client takes it; photos and xlsx are already compressed and pass
 * through. Every answer varies by Accept-Encoding. One middleware for the two halves of one concern:
 * - A request with Accept-Encoding: koa-compress, and under it its JSON answer serialised once. Otherwise it is
 *   serialised twice: koa-compress asks the response's length (Koa stringifies an object body to count it), then
 *   Koa stringifies it to send it. Plain objects and arrays only (what presenters and the error handler make); the
 *   Content-Type Koa set for the object stays `application/json`.
 * - A request without: identity, which koa-compress would also choose after its checks of the answer; they are
 *   skipped, and Koa stringifies the answer once when it sends it (no promise, no second body).
 */
export function compression(): Middleware<AppState, AppContextExtras> {
  const gzip = compress({ threshold: 1024, br: false })
  const serializeOnce = async (ctx: Context, next: Next): Promise<void> => {
    await next()
    const body: unknown = ctx.body
    if (typeof body === 'object' && body !== null && (Array.isArray(body) || Object.getPrototypeOf(body) === Object.prototype)) {
      ctx.body = JSON.stringify(body)
    }
  }
  return (ctx, next) => {
    if (ctx.req.headers['accept-encoding']) return gzip(ctx, () => serializeOnce(ctx, next))
    // What `ctx.vary` does, without parsing a Vary header that nothing has set yet.
    if (ctx.res.hasHeader('Vary')) ctx.vary('Accept-Encoding')
    else ctx.res.setHeader('Vary', 'Accept-Encoding')
    return next()
  }
}
