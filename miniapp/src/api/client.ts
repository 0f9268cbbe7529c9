import Taro from '@tarojs/taro'
import type { z } from 'zod'
import { ApiError, apiErrorOf } from './errors'
import { clearToken, getToken, SIGNED_OUT } from './token'

export { SIGNED_OUT }

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Turns a response body into a value, or says (optionally in Chinese) that it is not what was expected. */
export type Decoder<T> = (body: unknown) => { ok: true; value: T } | { ok: false; message?: string }

/** For answers without a body (204). */
export const noContent: Decoder<void> = () => ({ ok: true, value: undefined })

export function schemaDecoder<S extends z.ZodType>(schema: S): Decoder<z.output<S>> {
  return (body) => {
    const parsed = schema.safeParse(body)
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false }
  }
}

export interface ApiRequest<T> {
  method?: HttpMethod
  /** From the server's root: `pathOf(endpoints.catalogues.listCatalogues)` (the shared contract). */
  path: string
  body?: Record<string, unknown> | unknown[]
  /** Extra headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>
  /** Retry a POST on network failure too: only when the server makes a repeat harmless (an `Idempotency-Key`). */
  retry?: boolean
  decode: Decoder<T>
}

export interface ApiClientOptions {
  /** '' for the same origin (H5 served by the API server); an absolute URL in the mini-program. */
  baseUrl: string
  timeoutMs?: number
  /** Waits before each retry of an idempotent request that met a network failure; its length is the number of retries. */
  retryDelaysMs?: readonly number[]
  sleep?: (ms: number) => Promise<void>
}

export interface ApiClient {
  request<T>(request: ApiRequest<T>): Promise<T>
}

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE'])
/** Statuses that mean "try again shortly" (a proxy or the server starting up). */
const TRANSIENT_STATUS: ReadonlySet<number> = new Set([502, 503, 504])

function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  return error.kind === 'network' || error.kind === 'timeout' || (error.status !== null && TRANSIENT_STATUS.has(error.status))
}

/** weapp rejects with `{errMsg: 'request:fail timeout'}`; H5 aborts its fetch when the timeout passes. */
function isTimeout(failure: unknown): boolean {
  if (typeof failure !== 'object' || failure === null) return false
  const { errMsg, message, name } = failure as { errMsg?: unknown; message?: unknown; name?: unknown }
  return name === 'AbortError' || [errMsg, message].some((text) => typeof text === 'string' && /timeout|abort/i.test(text))
}

/**
 * A JSON API client over `Taro.request` (wx.request in the mini-program, fetch
 * in H5): bearer token from storage, a timeout, retries of idempotent requests
 * on network failure, responses checked by a decoder (usually a shared zod
 * schema), and every failure an `ApiError` with a Chinese message.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const timeoutMs = options.timeoutMs ?? 15_000
  const retryDelaysMs = options.retryDelaysMs ?? [800, 2_000]
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))

  async function once<T>(request: ApiRequest<T>, method: HttpMethod): Promise<T> {
    const header: Record<string, string> = { Accept: 'application/json' }
    const token = getToken()
    if (token !== null) header.Authorization = `Bearer ${token}`
    if (request.body !== undefined) header['Content-Type'] = 'application/json'
    if (request.headers) Object.assign(header, request.headers)

    let response: { statusCode: number; data: unknown }
    try {
      response = await Taro.request({
        url: options.baseUrl + request.path,
        method,
        header,
        timeout: timeoutMs,
        dataType: 'json',
        ...(request.body !== undefined ? { data: request.body } : {}),
      })
    } catch (failure) {
      throw new ApiError(isTimeout(failure) ? 'timeout' : 'network')
    }

    const { statusCode, data } = response
    if (statusCode >= 200 && statusCode < 300) {
      const decoded = request.decode(data)
      if (decoded.ok) return decoded.value
      throw new ApiError('bad_response', { status: statusCode, ...(decoded.message ? { message: decoded.message } : {}) })
    }
    if (statusCode === 401 && token !== null) {
      clearToken()
      Taro.eventCenter.trigger(SIGNED_OUT)
    }
    throw apiErrorOf(statusCode, data)
  }

  return {
    async request<T>(request: ApiRequest<T>): Promise<T> {
      const method = request.method ?? 'GET'
      const delays = IDEMPOTENT.has(method) || request.retry === true ? retryDelaysMs : []
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(request, method)
        } catch (error) {
          const delay = delays[attempt]
          if (delay === undefined || !isRetryable(error)) throw error
          await sleep(delay)
        }
      }
    },
  }
}
