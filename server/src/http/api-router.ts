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

/** A matched route's context, as koa-router's own dispatch leaves it (`_matchedRoute` names the route in the access log). */
interface RoutedContext {
  matched?: unknown[]
  router?: unknown
  routeMatched?: boolean
  captures?: string[]
  params?: Record<string, string>
  routerPath?: string
  routerName?: string
  _matchedRoute?: string
  _matchedRouteName?: string
}

/** A route without parameters, found by its exact path and method: the context koa-router would give it, and its middleware. */
interface FixedRoute {
  router: Router<AppState, AppContextExtras>
  /** Every layer of the path, whatever its method (what allowedMethods reads). */
  matched: readonly Layer[]
  /** The layer's path (the route's) and name (its operationId). */
  path: string
  name: string | undefined
  middleware: Middleware<AppState, AppContextExtras>
}

type Layer = Router<AppState, AppContextExtras>['stack'][number]

/**
 * The routes of a router that can skip its matching: no parameters, the only layer for its method on its path
 * (then koa-router would run exactly that layer). By path, then method.
 */
function fixedRoutesOf(router: Router<AppState, AppContextExtras>, routes: readonly Route[]): Map<string, Map<string, FixedRoute>> {
  const fixed = new Map<string, Map<string, FixedRoute>>()
  for (const route of routes) {
    if (/[:*(?{]/.test(route.path)) continue
    const method = route.method.toUpperCase()
    const result = router.match(route.path, method)
    const [layer, ...others] = result.pathAndMethod
    if (!layer || others.length > 0 || layer.path !== route.path || layer.stack.length !== 1) continue
    const byMethod = fixed.get(route.path) ?? new Map<string, FixedRoute>()
    byMethod.set(method, { router, matched: result.path, path: route.path, name: layer.name || undefined, middleware: layer.stack[0] as unknown as Middleware<AppState, AppContextExtras> })
    fixed.set(route.path, byMethod)
  }
  return fixed
}

/**
 * The API routes, one koa-router per first segment after `/api/v1/` (`quotes`, `units`, `me`…), picked
 * by a map lookup. koa-router tries every route it holds against each request, one regular expression
 * each: with one router for the whole API that was every route, ~20 µs a request before any work. Each
 * router matches as before (case-insensitive, a trailing slash allowed), answers 405 for a path of its
 * own with another method, and leaves a path nobody declared to the error handler's 404. A request for
 * the exact path of a route without parameters (`POST /api/v1/quotes`) skips the router's matching and
 * per-request composition: it gets the same context fields and runs the same middleware.
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
  const fixed = new Map<string, Map<string, { route: FixedRoute; allowed: Middleware<AppState, AppContextExtras> }>>()
  for (const [name, group] of groups) {
    const router = new Router<AppState, AppContextExtras>()
    mountRoutes(router, group, options)
    // As app.use(router.routes()) then app.use(router.allowedMethods(…)) did (Koa hands them the same context).
    const matched = router.routes() as unknown as Middleware<AppState, AppContextExtras>
    const allowed = router.allowedMethods({ throw: true, methodNotAllowed: () => methodNotAllowed(), notImplemented: () => methodNotAllowed() }) as unknown as Middleware<AppState, AppContextExtras>
    dispatch.set(name, (ctx, next) => matched(ctx, () => allowed(ctx, next)))
    for (const [path, byMethod] of fixedRoutesOf(router, group)) {
      fixed.set(path, new Map([...byMethod].map(([method, route]) => [method, { route, allowed }])))
    }
  }
  return (ctx, next) => {
    const exact = fixed.get(ctx.path)?.get(ctx.method)
    if (exact) {
      const { route, allowed } = exact
      const routed = ctx as unknown as RoutedContext
      routed.matched = routed.matched ? [...routed.matched, ...route.matched] : [...route.matched]
      routed.router = route.router
      routed.routeMatched = true
      routed.captures = []
      routed.params = { ...routed.params }
      ;(ctx.request as { params?: Record<string, string> }).params = routed.params
      routed.routerPath = route.path
      routed.routerName = route.name
      routed._matchedRoute = route.path
      if (route.name !== undefined) routed._matchedRouteName = route.name
      return route.middleware(ctx, () => allowed(ctx, next))
    }
    const routed = dispatch.get(groupOf(ctx.path))
    return routed ? routed(ctx, next) : next()
  }
}
