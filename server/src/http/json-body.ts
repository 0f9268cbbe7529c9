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
  const type = ctx.request.is('application/json', '+json')
  if (type === null) return undefined // no body at all
  if (type === false) throw unsupportedMediaType('content_type_unsupported')
  const encoding = ctx.get('Content-Encoding')
  if (encoding !== '' && encoding.toLowerCase() !== 'identity') throw unsupportedMediaType('content_type_unsupported')
  const tooLarge = () => payloadTooLarge('body_too_large', { params: { limit: formatBytes(limit) } })
  const declared = ctx.request.length
  if (declared !== undefined && declared > limit) throw tooLarge()

  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw tooLarge()
    chunks.push(chunk)
  }
  if (size === 0) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  } catch {
    throw badRequest('body_invalid_json')
  }
}
