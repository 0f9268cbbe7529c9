import { pathOf, type BodyOf, type Endpoint, type PathParamName, type PathParams, type QueryValues, type ResponseOf } from '@huzhu/shared'
import { api } from './api'
import { noContent, schemaDecoder, type ApiClient, type Decoder, type HttpMethod } from './client'

/** What a call to a contract entry sends: the path's parameters (required when it has some), query, body, headers. */
export type CallOptions<E extends Endpoint, T> = ([PathParamName<E['path']>] extends [never] ? { params?: undefined } : { params: PathParams<E['path']> }) & {
  query?: QueryValues
  /** The JSON body: what the entry's body schema accepts, when the contract names one. */
  body?: [BodyOf<E>] extends [never] ? Record<string, unknown> | unknown[] : BodyOf<E>
  headers?: Record<string, string>
  /** Retry a POST on network failure too: only when the server makes a repeat harmless (an `Idempotency-Key`). */
  retry?: boolean
  /** How to read the answer; by default the entry's response schema (none: no body expected). */
  decode?: Decoder<T>
}

type CallArgs<E extends Endpoint, T> = [PathParamName<E['path']>] extends [never] ? [options?: CallOptions<E, T>] : [options: CallOptions<E, T>]

/** `call` over another client (tests, or a second server). */
export function callWith(client: ApiClient) {
  return function call<E extends Endpoint, T = ResponseOf<E>>(endpoint: E, ...[options]: CallArgs<E, T>): Promise<T> {
    const decode = options?.decode ?? ((endpoint.response ? schemaDecoder(endpoint.response) : noContent) as Decoder<T>)
    return client.request({
      method: endpoint.method.toUpperCase() as HttpMethod,
      path: (pathOf as (e: Endpoint, params?: object, query?: QueryValues) => string)(endpoint, options?.params, options?.query),
      ...(options?.body !== undefined ? { body: options.body as Record<string, unknown> | unknown[] } : {}),
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(options?.retry ? { retry: true } : {}),
      decode,
    })
  }
}

/**
 * A typed call to an endpoint of the shared contract: `call(endpoints.claims.getClaim, { params: { claimId } })`
 * gives a `Claim`, checked by the contract's response schema.
 */
export const call = callWith(api)
