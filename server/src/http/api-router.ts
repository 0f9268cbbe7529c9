import Router from '@koa/router'
import type { Middleware } from 'koa'
import type { AppContextExtras, AppState } from './context'
import { methodNotAllowed } from './errors'
import { mountRoutes, type MountOptions } from './mount'
import type { Route } from './route'

/** `quotes` of `/api/v1/quotes`, `units` of `/api/v1/units/:unitId/rosters`: the part after the version, lower case. */
function groupOf(path: string): string {
  return (path.split('/', 4)[3] ?? '').toLowerCase()
}

/**
 * The API routes, one koa-router per first segment after `/api/v1/` (`quotes`, `units`, `me`…), picked
 * by a map lookup. koa-router tries every route it holds against each request, one regular expression
 * each: with one router for the whole API that was every route, ~20 µs a request before any work. Each
 * router matches as before (case-insensitive, a trailing slash allowed), answers 405 for a path of its
 * own with another method, and leaves a path nobody declared to the error handler's 404.
 */
export function apiRouter(routes: readonly Route[], options: MountOptions): Middleware<AppState, AppContextExtras> {
  const groups = new Map<string, Route[]>()
  for (const route of routes) {
    if (route.path.split('/', 4)[3]?.startsWith(':')) throw new Error(`${route.path}: the segment after /api/v1/ must be fixed (it picks the router)`)
    const group = groups.get(groupOf(route.path)) ?? []
    group.push(route)
    groups.set(groupOf(route.path), group)
  }
  const dispatch = new Map<string, Middleware<AppState, AppContextExtras>>()
  for (const [name, group] of groups) {
    const router = new Router<AppState, AppContextExtras>()
    mountRoutes(router, group, options)
    // As app.use(router.routes()) then app.use(router.allowedMethods(…)) did (Koa hands them the same context).
    const matched = router.routes() as unknown as Middleware<AppState, AppContextExtras>
    const allowed = router.allowedMethods({ throw: true, methodNotAllowed: () => methodNotAllowed(), notImplemented: () => methodNotAllowed() }) as unknown as Middleware<AppState, AppContextExtras>
    dispatch.set(name, (ctx, next) => matched(ctx, () => allowed(ctx, next)))
  }
  return (ctx, next) => {
    const routed = dispatch.get(groupOf(ctx.path))
    return routed ? routed(ctx, next) : next()
  }
}
