import type Router from '@koa/router'
import type { Middleware } from 'koa'
import type { Access, Route } from './route'
import type { AppContext, AppContextExtras, AppState } from './context'
import { readJsonBody } from './json-body'

export interface MountOptions {
  /** Middleware enforcing a route's access (authentication, roles); none for public routes. */
  guard: (access: Access) => Middleware<AppState, AppContextExtras> | undefined
  /** Check every response against its declared schema (outside production): a presenter that drifts from the OpenAPI document fails loudly. */
  checkResponses: boolean
}

/**
 * Validation and the handler, one function: reads the JSON body, parses body, query and params with the route's zod
 * schemas into `ctx.input`, then runs the handler (which never calls `next`).
 */
function validateAndHandle(route: Route): Middleware<AppState, AppContextExtras> {
  const { body, query, params } = route.request
  const handler = route.handler
  return async (ctx) => {
    const rawBody = body ? await readJsonBody(ctx as AppContext, route.bodyLimit ?? ctx.deps.config.jsonBodyLimit) : undefined
    ctx.input = {
      body: body ? body.parse(rawBody) : undefined,
      query: query ? query.parse({ ...ctx.query }) : undefined,
      params: params ? params.parse({ ...(ctx as { params?: Record<string, string> }).params }) : undefined,
    }
    // A handler that answers at once (a quote) costs no extra turn of the promise queue.
    const answering = handler(ctx as AppContext)
    if (answering) await answering
  }
}

function checkResponse(route: Route): Middleware<AppState, AppContextExtras> {
  return async (ctx, next) => {
    await next()
    const spec = route.responses[ctx.status]
    if (!spec) throw new Error(`${route.operationId} answered ${ctx.status}, which its route does not declare`)
    if (spec.schema) {
      const result = spec.schema.safeParse(ctx.body)
      if (!result.success) {
        throw new Error(`${route.operationId} answered a body that does not match its schema: ${JSON.stringify(result.error.issues.slice(0, 5))}`)
      }
    }
  }
}

/**
 * A route's middleware as one function, made once: koa-router composes a matched route's stack on every
 * request, so a stack of one costs it the least. Each middleware's `next` runs the rest, as in koa-compose;
 * the last one (validation and handler) never calls its `next`.
 */
function chainOf(chain: readonly Middleware<AppState, AppContextExtras>[]): Middleware<AppState, AppContextExtras> {
  const last = chain.at(-1)!
  return chain.slice(0, -1).reduceRight<Middleware<AppState, AppContextExtras>>(
    (rest, middleware) => (ctx, next) => middleware(ctx, () => rest(ctx, next)),
    last,
  )
}

/** Mounts every declared route on the router: guard, validation, handler (and the response check). */
export function mountRoutes(router: Router<AppState, AppContextExtras>, routes: readonly Route[], options: MountOptions): void {
  const seen = new Set<string>()
  for (const route of routes) {
    const key = `${route.method.toUpperCase()} ${route.path}`
    if (seen.has(key)) throw new Error(`route declared twice: ${key}`)
    seen.add(key)
    const chain: Middleware<AppState, AppContextExtras>[] = []
    const guard = options.guard(route.access)
    if (guard) chain.push(guard)
    // The response check wraps validation and handler (a request that fails validation has no answer of its own to check).
    if (options.checkResponses) chain.push(checkResponse(route))
    chain.push(validateAndHandle(route))
    router.register(route.path, [route.method.toUpperCase()], [chainOf(chain)] as never[], { name: route.operationId })
  }
}
