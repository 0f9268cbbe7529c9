/** A JSON body as the tests read it: field by field (`res.body.error.code`), unchecked; pass `T` for a checked shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read freely in assertions, and a wrong guess fails the assertion
export type Json = any

export interface ApiResponse<T = Json> {
  status: number
  /** Parsed JSON, or null when the body is empty or not JSON. */
  body: T
  text: string
  headers: Headers
}

export interface RequestOptions {
  token?: string
  headers?: Record<string, string>
  /** Sent as is (for malformed bodies); otherwise `body` is sent as JSON. */
  rawBody?: string | Uint8Array
}

/** A small HTTP client over fetch for the API tests. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request<T = Json>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    let payload: string | Uint8Array | undefined = options.rawBody
    if (payload === undefined && body !== undefined) {
      payload = JSON.stringify(body)
      headers['content-type'] ??= 'application/json'
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload as never }) // a string or bytes: fetch takes both (the cast serves both the Node and the DOM typings)
    const text = await response.text()
    let parsed: unknown
    try {
      parsed = text === '' ? null : JSON.parse(text)
    } catch {
      parsed = null
    }
    return { status: response.status, body: parsed as T, text, headers: response.headers }
  }

  get<T = Json>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, undefined, options)
  }

  post<T = Json>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, body, options)
  }

  put<T = Json>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, body, options)
  }

  delete<T = Json>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, undefined, options)
  }
}
