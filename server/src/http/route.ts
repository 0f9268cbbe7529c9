import type { z } from 'zod'
import type { Role } from '@huzhu/shared'
import type { AppContext } from './context'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/**
 * Who may call a route: anyone; any signed-in account; or an account holding
 * one of the listed roles (checked on the server, never just hidden in the UI).
 */
export type Access = 'public' | 'signed_in' | { roles: readonly Role[] }

export interface ResponseSpec {
  description: string
  /** JSON body schema; none for 204 and for non-JSON bodies. */
  schema?: z.ZodType
  /** Media type when the body is not JSON (e.g. a file). */
  contentType?: string
}

export interface RawBodySpec {
  description: string
  /** Media types accepted (for the OpenAPI document; the handler decides from the bytes). */
  mediaTypes: readonly string[]
}

type Schema = z.ZodType | undefined
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined

export interface RouteInput<B extends Schema, Q extends Schema, P extends Schema> {
  body: Parsed<B>
  query: Parsed<Q>
  params: Parsed<P>
}

/** The context a handler sees: `ctx.input` is the parsed request, typed by the route's schemas. */
export type HandlerContext<I> = Omit<AppContext, 'input'> & { input: I }

export interface RouteSpec<B extends Schema, Q extends Schema, P extends Schema> {
  method: HttpMethod
  /** koa-router path, e.g. `/api/v1/catalogues/:catalogueId`. */
  path: string
  /** Stable name, the OpenAPI operationId. */
  operationId: string
  summary: string
  tags: readonly string[]
  access: Access
  request?: { body?: B; query?: Q; params?: P }
  /** Largest JSON body in bytes (default: config `jsonBodyLimit`). */
  bodyLimit?: number
  /** A body the handler reads itself as raw bytes (e.g. an upload): documented, never parsed as JSON. */
  rawBody?: RawBodySpec
  /** Success responses by status. */
  responses: Readonly<Record<number, ResponseSpec>>
  /** Error statuses beyond those implied (400 for input, 401/403 for access, 413/415 for a body, 500). */
  errors?: readonly number[]
  handler: (ctx: HandlerContext<RouteInput<B, Q, P>>) => Promise<void> | void
}

/** A route with its types erased, as the registry holds it. */
export interface Route {
  method: HttpMethod
  path: string
  operationId: string
  summary: string
  tags: readonly string[]
  access: Access
  request: { body?: z.ZodType; query?: z.ZodType; params?: z.ZodType }
  bodyLimit?: number
  rawBody?: RawBodySpec
  responses: Readonly<Record<number, ResponseSpec>>
  errors: readonly number[]
  handler: (ctx: AppContext) => Promise<void> | void
}

/**
 * Declares a route: method, path, access, the zod schemas that validate its
 * input and describe its output, and the handler. Routes are mounted, and the
 * OpenAPI document is built, only from declarations, so neither can forget one.
 */
export function defineRoute<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  spec: RouteSpec<B, Q, P>,
): Route {
  return {
    ...spec,
    request: { ...spec.request } as Route['request'],
    errors: spec.errors ?? [],
    handler: spec.handler as unknown as Route['handler'],
  }
}
