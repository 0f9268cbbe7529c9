import { types } from 'node:util'
import type { TempFiles } from './files'

/**
 * The network side of the stand-in: `wx.request`, `wx.uploadFile` and
 * `wx.downloadFile` over Node's fetch, to a real server on loopback. The build
 * holds its API origin (`TARO_APP_API_BASE`, `http://127.0.0.1:3000` by
 * default); every URL's origin is swapped for the test server's, so it can
 * listen on any free port. As WeChat: GET data goes into the query string, an
 * object is sent as JSON unless the header says otherwise, an ArrayBuffer as
 * its bytes; a JSON answer is parsed unless `dataType` is not `json`.
 */

export interface RequestOptions {
  url: string
  method?: string
  header?: Record<string, string>
  data?: unknown
  dataType?: string
  responseType?: string
  timeout?: number
}

export interface HttpAnswer {
  statusCode: number
  header: Record<string, string>
  /** Parsed JSON, text, or (for `responseType: 'arraybuffer'`) the bytes. */
  data: unknown
}

export interface UploadOptions {
  url: string
  filePath: string
  name: string
  header?: Record<string, string>
  formData?: Record<string, string>
}

export interface DownloadOptions {
  url: string
  header?: Record<string, string>
}

export interface Http {
  /** Requests still on their way (the harness waits for them before it calls the app idle). */
  readonly pending: number
  request(options: RequestOptions, signal: AbortSignal): Promise<HttpAnswer>
  upload(options: UploadOptions, signal: AbortSignal): Promise<HttpAnswer>
  download(options: DownloadOptions, signal: AbortSignal): Promise<{ statusCode: number; tempFilePath: string }>
}

export function createHttp(apiOrigin: string | undefined, files: TempFiles): Http {
  let pending = 0
  const target = (url: string) => (apiOrigin ? url.replace(/^https?:\/\/[^/]+/, apiOrigin.replace(/\/+$/, '')) : url)
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    pending++
    try {
      return await work()
    } finally {
      pending--
    }
  }
  const headersOf = (response: Response) => {
    const header: Record<string, string> = {}
    response.headers.forEach((value, name) => void (header[name] = value))
    return header
  }

  return {
    get pending() {
      return pending
    },

    request: (options, signal) => track(async () => {
      const method = (options.method ?? 'GET').toUpperCase()
      const headers = new Headers(options.header ?? {})
      if (!headers.has('content-type')) headers.set('content-type', 'application/json')
      let url = target(options.url)
      let body: string | Uint8Array<ArrayBuffer> | undefined
      const { data } = options
      if (method === 'GET' || method === 'HEAD') {
        if (data !== null && typeof data === 'object') {
          const query = new URLSearchParams(data as Record<string, string>).toString()
          if (query) url += (url.includes('?') ? '&' : '?') + query
        }
      } else if (types.isAnyArrayBuffer(data)) {
        body = new Uint8Array(data).slice()
      } else if (ArrayBuffer.isView(data)) {
        body = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice()
      } else if (typeof data === 'string') {
        body = data
      } else if (data !== undefined && data !== null) {
        body = /x-www-form-urlencoded/i.test(headers.get('content-type') ?? '')
          ? new URLSearchParams(data as Record<string, string>).toString()
          : JSON.stringify(data)
      }
      const response = await fetch(url, { method, headers, signal, ...(body !== undefined ? { body: body as BodyInit } : {}) })
      if (options.responseType === 'arraybuffer') {
        return { statusCode: response.status, header: headersOf(response), data: new Uint8Array(await response.arrayBuffer()) }
      }
      const text = await response.text()
      let parsed: unknown = text
      if ((options.dataType ?? 'json') === 'json') {
        try {
          parsed = JSON.parse(text)
        } catch {
          // not JSON: WeChat hands over the text
        }
      }
      return { statusCode: response.status, header: headersOf(response), data: parsed }
    }),

    upload: (options, signal) => track(async () => {
      const bytes = files.get(options.filePath)
      if (!bytes) throw new Error(`no such file ${options.filePath}`)
      const form = new FormData()
      for (const [key, value] of Object.entries(options.formData ?? {})) form.append(key, value)
      form.append(options.name, new Blob([new Uint8Array(bytes)]), options.filePath.split('/').at(-1))
      const headers = new Headers(options.header ?? {})
      headers.delete('content-type') // fetch writes the multipart boundary
      const response = await fetch(target(options.url), { method: 'POST', headers, body: form, signal })
      return { statusCode: response.status, header: headersOf(response), data: await response.text() }
    }),

    download: (options, signal) => track(async () => {
      const response = await fetch(target(options.url), { headers: new Headers(options.header ?? {}), signal })
      const bytes = new Uint8Array(await response.arrayBuffer())
      const type = response.headers.get('content-type') ?? ''
      const extension = /png/.test(type) ? 'png' : /pdf/.test(type) ? 'pdf' : /sheet|excel/.test(type) ? 'xlsx' : /webp/.test(type) ? 'webp' : /heic/.test(type) ? 'heic' : 'jpg'
      return { statusCode: response.status, tempFilePath: files.put(bytes, extension) }
    }),
  }
}
