import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileTypeFromBuffer } from 'file-type'
import { imageSizeFromFile } from 'image-size/fromFile'
import { uploadMediaTypes } from '@huzhu/shared'
import { AppError, formatBytes } from '../../http/errors'

export type UploadMediaType = (typeof uploadMediaTypes)[number]

/** Enough leading bytes for file-type to know every accepted format. */
const HEAD_BYTES = 64 * 1024
/** Decompression-bomb limits: a phone photo is about 12–50 megapixels. */
export const MAX_IMAGE_PIXELS = 50_000_000
export const MAX_IMAGE_SIDE = 20_000

export interface ReceivedFile {
  tempPath: string
  sha256: string
  size: number
  mediaType: UploadMediaType
  width: number | null
  height: number | null
}

// `Connection: close`: the rest of a refused body is not worth reading; the client gets the answer, then the socket ends.
const tooLarge = (limit: number) => new AppError(413, 'payload_too_large', { params: { limit: formatBytes(limit) }, headers: { Connection: 'close' } })
const unsupported = () => new AppError(415, 'unsupported_media_type', { headers: { Connection: 'close' } })

async function detectType(head: Buffer): Promise<UploadMediaType> {
  const found = await fileTypeFromBuffer(head)
  const mime = found?.mime
  if (!mime || !(uploadMediaTypes as readonly string[]).includes(mime)) throw unsupported()
  return mime as UploadMediaType
}

/** `uploads/ab/cd/<sha256>`: two levels of folders keep each one small. */
export function storedPath(uploadsDir: string, sha256: string): string {
  return join(uploadsDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
}

/** Where bodies are written while they arrive: `uploads/tmp/<random>.part`, never a stored file's name or place. */
export const tempDirOf = (uploadsDir: string) => join(uploadsDir, 'tmp')
const TEMP_SUFFIX = '.part'
/** A temporary file untouched this long belongs to no request (the server's request timeout is far shorter). */
export const STALE_TEMP_MS = 60 * 60 * 1000
/** When this process last swept each uploads folder. */
const lastSweep = new Map<string, number>()

/**
 * Removes temporary upload files left behind by a crash (`kill -9`, power
 * loss) in the middle of an upload: every `.part` file under `uploads/tmp/`
 * last written before this process started or more than an hour ago. Runs
 * before the first upload a process receives, then at most once an hour; an
 * upload in flight keeps writing its file, so it is never swept. Returns the
 * number removed. (A crash after a file moved to the store but before its row
 * committed leaves a complete content-addressed file: harmless, reused by the
 * next upload of the same bytes.)
 */
export async function sweepStaleTempFiles(uploadsDir: string, now = Date.now()): Promise<number> {
  lastSweep.set(uploadsDir, now)
  const dir = tempDirOf(uploadsDir)
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return 0
  }
  const startedAt = now - process.uptime() * 1000
  let removed = 0
  for (const name of names) {
    if (!name.endsWith(TEMP_SUFFIX)) continue
    const path = join(dir, name)
    const info = await stat(path).catch(() => undefined)
    if (!info?.isFile() || (info.mtimeMs >= startedAt && info.mtimeMs > now - STALE_TEMP_MS)) continue
    await unlink(path).then(() => removed++, () => undefined)
  }
  return removed
}

async function sweepIfDue(uploadsDir: string): Promise<void> {
  const last = lastSweep.get(uploadsDir)
  if (last !== undefined && Date.now() - last < STALE_TEMP_MS) return
  await sweepStaleTempFiles(uploadsDir)
}

/**
 * Streams a request body to a temporary file beside the store, hashing it on the
 * way: more than `maxBytes` is a 413 as soon as it is seen (never buffered whole),
 * a type that is not an accepted photo or PDF a 415 as soon as the head is read
 * (the type comes from the bytes, never the name or Content-Type), an image over
 * the pixel limits a 422. On any refusal the temporary file is removed.
 */
export async function receiveFile(body: Readable, uploadsDir: string, maxBytes: number, declaredLength: number | undefined): Promise<ReceivedFile> {
  if (declaredLength !== undefined && declaredLength > maxBytes) throw tooLarge(maxBytes)
  const tmpDir = tempDirOf(uploadsDir)
  await mkdir(tmpDir, { recursive: true })
  await sweepIfDue(uploadsDir)
  const tempPath = join(tmpDir, `${randomBytes(12).toString('hex')}${TEMP_SUFFIX}`)
  const hash = createHash('sha256')
  const headChunks: Buffer[] = []
  let size = 0
  let mediaType: UploadMediaType | undefined

  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      if (size > maxBytes) return done(tooLarge(maxBytes))
      hash.update(chunk)
      if (mediaType === undefined && size - chunk.length < HEAD_BYTES) {
        headChunks.push(chunk)
        if (size >= HEAD_BYTES) {
          detectType(Buffer.concat(headChunks)).then((type) => { mediaType = type; done(null, chunk) }, (error: unknown) => done(error as Error))
          return
        }
      }
      done(null, chunk)
    },
  })

  try {
    // The request is piped by hand, not through pipeline(): a refusal must not destroy the socket before the answer.
    const written = pipeline(meter, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }))
    const onBodyError = (error: Error) => meter.destroy(error)
    body.once('error', onBodyError)
    body.pipe(meter)
    try {
      await written
    } catch (error) {
      body.unpipe(meter)
      body.resume()
      throw error
    } finally {
      body.off('error', onBodyError)
    }
    if (size === 0) throw new AppError(400, 'upload_empty')
    mediaType ??= await detectType(Buffer.concat(headChunks))
    let width: number | null = null
    let height: number | null = null
    if (mediaType !== 'application/pdf') {
      const dimensions = await imageSizeFromFile(tempPath).catch(() => undefined)
      if (!dimensions?.width || !dimensions.height) throw unsupported()
      width = dimensions.width
      height = dimensions.height
      if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) throw new AppError(422, 'image_too_large')
    }
    return { tempPath, sha256: hash.digest('hex'), size, mediaType, width, height }
  } catch (error) {
    await unlink(tempPath).catch(() => undefined)
    throw error
  }
}

/**
 * Moves a received file to its content-addressed place; the same bytes stored
 * before are kept and the copy dropped. The bytes reach the disk (fsync) before
 * the file takes its stored name, so a crash never leaves a short file under a
 * hash; a stored file of another size than these bytes (damaged) is replaced.
 */
export async function storeFile(uploadsDir: string, file: ReceivedFile): Promise<void> {
  const target = storedPath(uploadsDir, file.sha256)
  const existing = await stat(target).catch(() => undefined)
  if (existing?.isFile() && existing.size === file.size) {
    await unlink(file.tempPath)
    return
  }
  const handle = await open(file.tempPath, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
  await mkdir(join(target, '..'), { recursive: true })
  await rename(file.tempPath, target)
}

/** Removes a received file that will not be stored (e.g. the consent is missing). */
export async function discardFile(file: ReceivedFile): Promise<void> {
  await unlink(file.tempPath).catch(() => undefined)
}
