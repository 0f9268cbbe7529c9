import type { z } from 'zod'
import type { Endpoint, Role } from '@huzhu/shared'
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

/**
 * Where a route is mounted: its entry in the shared API contract (`endpoints.<area>.<operationId>`),
 * which gives its method, path and operationId, and the schemas of its body, query and success
 * response where the contract names them.
 */
export interface RouteAddress<E extends Endpoint> { endpoint: E }

export type RouteSpec<E extends Endpoint, B extends Schema, Q extends Schema, P extends Schema> = RouteAddress<E> & RouteDetails<B, Q, P>

/** The schema a contract entry names (for its body or query), else undefined. */
type FromContract<S> = [Exclude<S, undefined>] extends [never] ? undefined : Exclude<S, undefined>

interface RouteDetails<B extends Schema, Q extends Schema, P extends Schema> {
  summary: string
  tags: readonly string[]
  access: Access
  /** Path parameters; a body or query only where the contract names none (else the contract's is used). */
  request?: { body?: B; query?: Q; params?: P }
  /** Largest JSON body in bytes (default: config `jsonBodyLimit`). */
  bodyLimit?: number
  /** A body the handler reads itself as raw bytes (e.g. an upload): documented, never parsed as JSON. */
  rawBody?: RawBodySpec
  /** Success responses by status; one with neither `schema` nor `contentType` (other than a 204) has the contract's response schema. */
  responses: Readonly<Record<number, ResponseSpec>>
  /** Error statuses beyond those implied (400 for input, 401/403 for access, 413/415 for a body, 500). */
  errors?: readonly number[]
  handler: (ctx: HandlerContext<RouteInput<B, Q, P>>) => Promise<void> | void
}

/** A route with its types erased, as the registry holds it. */
export interface Route {
  /** Its contract entry (the source of method, path and operationId). */
  endpoint: Endpoint
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
export function defineRoute<
  E extends Endpoint = Endpoint<HttpMethod, string, undefined, undefined, undefined>,
  B extends Schema = FromContract<E['body']>,
  Q extends Schema = FromContract<E['query']>,
  P extends Schema = undefined,
>(spec: RouteSpec<E, B, Q, P>): Route {
  const { endpoint, ...details } = spec
  const contractResponse = endpoint.response
  const responses = Object.fromEntries(Object.entries(spec.responses).map(([status, response]): [string, ResponseSpec] =>
    contractResponse && Number(status) < 300 && Number(status) !== 204 && !response.schema && !response.contentType
      ? [status, { ...response, schema: contractResponse }]
      : [status, response]))
  return {
    ...details,
    endpoint, method: endpoint.method, path: endpoint.path, operationId: endpoint.operationId,
    request: {
      ...(endpoint.body ? { body: endpoint.body } : {}),
      ...(endpoint.query ? { query: endpoint.query } : {}),
      ...spec.request,
    } as Route['request'],
    responses,
    errors: spec.errors ?? [],
    handler: spec.handler as unknown as Route['handler'],
  }
}
