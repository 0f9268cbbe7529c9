import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export interface ReceiveBodyOptions<H> {
  /** Most bytes taken. */
  limit: number
  /** The request's Content-Length, when it sent one. */
  declaredLength: number | undefined
  /** The refusal of a body over `limit`. */
  tooLarge: () => Error
  /** Looks at the first `bytes` (all of a shorter body, unless empty) as soon as they are in; throws to refuse the body. */
  head?: { bytes: number; inspect: (head: Buffer) => Promise<H> }
}

export interface ReceivedBody<H> {
  sha256: string
  size: number
  /** What `head.inspect` answered; undefined for an empty body or without `head`. */
  head: H | undefined
}

/**
 * Streams a raw request body (a file's bytes) to a new file at `path` (mode
 * 600), hashing it on the way. More than `limit` bytes is refused by the
 * Content-Length before a byte is read, else as soon as it is seen: a body is
 * never buffered whole. On any failure the file is removed; the rest of the
 * body is read and dropped, so the client still gets the answer.
 */
export async function receiveBody<H = never>(body: Readable, path: string, options: ReceiveBodyOptions<H>): Promise<ReceivedBody<H>> {
  const { limit, tooLarge, head } = options
  if (options.declaredLength !== undefined && options.declaredLength > limit) throw tooLarge()
  const hash = createHash('sha256')
  const headChunks: Buffer[] = []
  let size = 0
  let inspected: { value: H } | undefined

  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      if (size > limit) return done(tooLarge())
      hash.update(chunk)
      if (head && inspected === undefined && size - chunk.length < head.bytes) {
        headChunks.push(chunk)
        if (size >= head.bytes) {
          head.inspect(Buffer.concat(headChunks)).then((value) => { inspected = { value }; done(null, chunk) }, (error: unknown) => done(error as Error))
          return
        }
      }
      done(null, chunk)
    },
  })

  try {
    // The request is piped by hand, not through pipeline(): a refusal must not destroy the socket before the answer.
    const written = pipeline(meter, createWriteStream(path, { flags: 'wx', mode: 0o600 }))
    const onBodyError = (error: Error) => meter.destroy(error)
    body.once('error', onBodyError)
    body.pipe(meter)
    try {
      await written
    } catch (error) {
      body.unpipe(meter)
      body.resume()
      // A client that went away is recognised (and logged as such) by the error middleware; a disk failure stays a 500.
      throw error
    } finally {
      body.off('error', onBodyError)
    }
    if (head && inspected === undefined && size > 0) inspected = { value: await head.inspect(Buffer.concat(headChunks)) }
    return { sha256: hash.digest('hex'), size, head: inspected?.value }
  } catch (error) {
    await rm(path, { force: true })
    throw error
  }
}
