import type { z } from 'zod'

/**
 * The API contract's building block: one endpoint's method, path template and,
 * where the shared package defines them, the zod schemas of its JSON body,
 * query and success response. The server mounts its routes at these paths (a
 * test checks every route is an entry and every entry a route); the app and the
 * scripts build their URLs with `pathOf`, so no path is written by hand twice.
 */
export type EndpointMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

type MaybeSchema = z.ZodType | undefined

export interface Endpoint<
  M extends EndpointMethod = EndpointMethod,
  P extends string = string,
  B extends MaybeSchema = MaybeSchema,
  Q extends MaybeSchema = MaybeSchema,
  R extends MaybeSchema = MaybeSchema,
> {
  readonly method: M
  /** koa-router template from the server's root, e.g. `/api/v1/claims/:claimId`. */
  readonly path: P
  /** Stable name, the OpenAPI operationId. */
  readonly operationId: string
  readonly body?: B
  readonly query?: Q
  /** The JSON body of a success; none for 204s, files and bodies the shared package does not describe. */
  readonly response?: R
}

/** Declares an endpoint, keeping its method and path as literal types (so `pathOf` knows the path's parameters). */
export function endpoint<
  const M extends EndpointMethod,
  const P extends string,
  B extends MaybeSchema = undefined,
  Q extends MaybeSchema = undefined,
  R extends MaybeSchema = undefined,
>(spec: { method: M; path: P; operationId: string; body?: B; query?: Q; response?: R }): Endpoint<M, P, B, Q, R> {
  return spec
}

/** The `:name` parameters of a path template, e.g. `'unitId' | 'rosterId'`. */
export type PathParamName<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamName<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never

export type PathParams<P extends string> = { readonly [K in PathParamName<P>]: string | number }

/** Query values; `undefined`, `null` and `''` are left out of the URL. */
export type QueryValues = Readonly<Record<string, string | number | boolean | null | undefined>>

/** `pathOf`'s arguments after the endpoint: the path's parameters (required when it has some), then the query. */
export type PathArgs<P extends string> = [PathParamName<P>] extends [never]
  ? [params?: Readonly<Record<string, never>>, query?: QueryValues]
  : [params: PathParams<P>, query?: QueryValues]

/** A schema an entry names (its optional property's type without `undefined`), or never. */
type Named<S> = Exclude<S, undefined>

/** The decoded success body of an endpoint: its response schema's output, or nothing. */
export type ResponseOf<E extends Endpoint> = [Named<E['response']>] extends [never] ? void
  : Named<E['response']> extends z.ZodType ? z.output<Named<E['response']>> : void

/** The JSON body an endpoint accepts: its body schema's input (what a client sends, before defaults); never when the contract names none. */
export type BodyOf<E extends Endpoint> = [Named<E['body']>] extends [never] ? never
  : Named<E['body']> extends z.ZodType ? z.input<Named<E['body']>> : never

/** `?a=1&b=x` from the values that are set, keys and values URL-encoded; '' when none is. */
export function queryString(query: QueryValues | undefined): string {
  if (!query) return ''
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length > 0 ? `?${parts.join('&')}` : ''
}

/**
 * The URL path of a call to an endpoint: its template with each `:name` replaced by
 * the URL-encoded value (TypeScript requires exactly the template's parameters),
 * then the query. `pathOf(endpoints.claims.getClaim, { claimId })` → `/api/v1/claims/c%2F1`.
 */
export function pathOf<P extends string>(endpoint: Endpoint<EndpointMethod, P>, ...[params, query]: PathArgs<P>): string {
  const values = (params ?? {}) as Readonly<Record<string, string | number>>
  const path = endpoint.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`${endpoint.operationId}: path parameter ${name} missing`)
    return encodeURIComponent(String(value))
  })
  return path + queryString(query)
}
