import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import type { AppContext } from '../../http/context'
import { AppError, formatBytes } from '../../http/errors'
import { XLSX_TYPE } from '../../http/file-response'

/**
 * Streams the raw request body (the xlsx bytes) to `path`, refusing anything but
 * an xlsx or octet-stream type (415) and more than `limit` bytes (413, by
 * Content-Length first, then while reading). Returns the SHA-256 and size.
 */
export async function receiveFile(ctx: Pick<AppContext, 'request' | 'req' | 'get'>, path: string, limit: number): Promise<{ sha256: string; size: number }> {
  if (!ctx.request.is(XLSX_TYPE, 'application/octet-stream')) throw new AppError(415, 'roster_content_type')
  const encoding = ctx.get('Content-Encoding')
  if (encoding !== '' && encoding.toLowerCase() !== 'identity') throw new AppError(415, 'roster_content_type')
  // `Connection: close`: the rest of a refused body is not worth reading; the client gets the answer, then the socket ends.
  const tooLarge = () => new AppError(413, 'roster_file_too_large', { params: { limit: formatBytes(limit) }, headers: { Connection: 'close' } })
  if (ctx.request.length !== undefined && ctx.request.length > limit) throw tooLarge()
  const hash = createHash('sha256')
  let size = 0
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > limit) return done(tooLarge())
      hash.update(chunk)
      done(null, chunk)
    },
  })
  // The request is piped by hand, not through pipeline(): a refusal must not destroy the socket before the answer.
  const body = ctx.req
  const written = pipeline(counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }))
  const onBodyError = (error: Error) => counter.destroy(error)
  body.once('error', onBodyError)
  body.pipe(counter)
  try {
    await written
  } catch (error) {
    body.unpipe(counter)
    body.resume()
    await rm(path, { force: true })
    // A client that went away is recognised (and logged as such) by the error middleware; a disk failure stays a 500.
    throw error
  } finally {
    body.off('error', onBodyError)
  }
  if (size === 0) {
    await rm(path, { force: true })
    throw new AppError(422, 'roster_invalid_file', { details: [{ reason: 'empty' }] })
  }
  return { sha256: hash.digest('hex'), size }
}
