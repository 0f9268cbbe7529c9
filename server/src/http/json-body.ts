import type { IncomingMessage } from 'node:http'
import type { AppContext } from './context'
import { badRequest, formatBytes, payloadTooLarge, unsupportedMediaType } from './errors'

/**
 * Reads a JSON request body, refusing more than `limit` bytes (by
 * Content-Length before reading, and while reading), anything but
 * `application/json`, compressed bodies, invalid UTF-8 and malformed JSON.
 * No body gives `undefined` (then the schema says what is missing).
 */
export async function readJsonBody(ctx: AppContext, limit: number): Promise<unknown> {
  const text = await readJsonText(ctx, limit)
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw badRequest('body_invalid_json')
  }
}

/**
 * The same checks, answering the body's exact text (for a body whose bytes are
 * signed, like a payment notice): `undefined` when there is none.
 */
export async function readJsonText(ctx: Pick<AppContext, 'request' | 'req' | 'get'>, limit: number): Promise<string | undefined> {
  if (ctx.request.length === 0) return undefined
  const type = jsonType(ctx)
  if (type === null) return undefined // no body at all
  if (type === false) throw unsupportedMediaType('content_type_unsupported')
  const encoding = ctx.get('Content-Encoding')
  if (encoding !== '' && encoding.toLowerCase() !== 'identity') throw unsupportedMediaType('content_type_unsupported')
  const tooLarge = () => payloadTooLarge('body_too_large', { params: { limit: formatBytes(limit) } })
  const declared = ctx.request.length
  if (declared !== undefined && declared > limit) throw tooLarge()

  const bytes = await readAll(ctx.req, limit, tooLarge)
  if (bytes.length === 0) return undefined
  try {
    return utf8.decode(bytes)
  } catch {
    throw badRequest('body_invalid_json')
  }
}

/** Stateless when given a whole body at once (no `stream` option), so one serves every request. */
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** What the app itself sends, recognised without parsing the header; anything else goes through type-is. */
const PLAIN_JSON: ReadonlySet<string> = new Set(['application/json', 'application/json; charset=utf-8', 'application/json;charset=utf-8'])

function jsonType(ctx: Pick<AppContext, 'request' | 'req'>): string | false | null {
  const header = ctx.req.headers['content-type']
  if (header !== undefined && PLAIN_JSON.has(header)) return 'application/json'
  return ctx.request.is('application/json', '+json')
}

/**
 * The whole body, at most `limit` bytes: past that the request is destroyed and `tooLarge()` thrown (as an
 * early exit from its async iterator did). A client that goes away mid-body is ERR_STREAM_PREMATURE_CLOSE.
 * Listeners rather than `for await`: a small body, already in when this runs, costs no iterator and no extra ticks.
 */
function readAll(req: IncomingMessage, limit: number, tooLarge: () => Error): Promise<Buffer> {
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0))
  if (req.destroyed) return Promise.reject(prematureClose())
  return new Promise((done, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('close', onClose)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        stop()
        req.destroy()
        fail(tooLarge())
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      stop()
      done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size))
    }
    const onError = (error: Error) => {
      stop()
      fail(error)
    }
    const onClose = () => {
      stop()
      fail(prematureClose())
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('close', onClose)
  })
}

function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })
}
