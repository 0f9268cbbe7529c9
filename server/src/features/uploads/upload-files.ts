import { unlink } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { fileTypeFromBuffer } from 'file-type'
import { imageSizeFromFile } from 'image-size/fromFile'
import { uploadMediaTypes } from '@huzhu/shared'
import type { BlobStore } from '../../files/blob-store'
import { tempFilePath } from '../../files/temp-files'
import { AppError, formatBytes } from '../../http/errors'
import { receiveBody } from '../../http/receive-body'

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

/** The blob key of stored bytes, by their SHA-256: `uploads/ab/cd/<sha256>` (two levels keep each disk folder small). */
export function photoKey(sha256: string): string {
  return `uploads/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`
}

/**
 * Streams a request body to a file in the node's temporary area, hashing it on the
 * way: more than `maxBytes` is a 413 as soon as it is seen (never buffered whole),
 * a type that is not an accepted photo or PDF a 415 as soon as the head is read
 * (the type comes from the bytes, never the name or Content-Type), an image over
 * the pixel limits a 422. On any refusal the temporary file is removed.
 */
export async function receiveFile(body: Readable, dataDir: string, maxBytes: number, declaredLength: number | undefined): Promise<ReceivedFile> {
  const tempPath = tempFilePath(dataDir, 'upload')
  const received = await receiveBody(body, tempPath, {
    limit: maxBytes, declaredLength, tooLarge: () => tooLarge(maxBytes), head: { bytes: HEAD_BYTES, inspect: detectType },
  })
  try {
    if (received.size === 0 || received.head === undefined) throw new AppError(400, 'upload_empty')
    const mediaType = received.head
    let width: number | null = null
    let height: number | null = null
    if (mediaType !== 'application/pdf') {
      const dimensions = await imageSizeFromFile(tempPath).catch(() => undefined)
      if (!dimensions?.width || !dimensions.height) throw unsupported()
      width = dimensions.width
      height = dimensions.height
      if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) throw new AppError(422, 'image_too_large')
    }
    return { tempPath, sha256: received.sha256, size: received.size, mediaType, width, height }
  } catch (error) {
    await unlink(tempPath).catch(() => undefined)
    throw error
  }
}

/**
 * Stores a received file under its content address (`photoKey`); the same
 * bytes stored before are kept and the copy dropped. A stored object of another
 * size than these bytes (damaged, or cut short) is replaced.
 */
export async function storeFile(blobs: BlobStore, file: ReceivedFile): Promise<void> {
  const key = photoKey(file.sha256)
  const existing = await blobs.stat(key)
  if (existing?.size === file.size) {
    await unlink(file.tempPath)
    return
  }
  await blobs.putFile(key, file.tempPath, { contentType: file.mediaType })
}

/** Removes a received file that will not be stored (e.g. the consent is missing). */
export async function discardFile(file: ReceivedFile): Promise<void> {
  await unlink(file.tempPath).catch(() => undefined)
}
