import { createReadStream, createWriteStream } from 'node:fs'
import { rm, stat, unlink } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, type S3ClientConfig,
} from '@aws-sdk/client-s3'
import { assertBlobKey } from './blob-keys'
import type { BlobStore } from './blob-store'
import type { S3Settings } from './blob-store-config'

const silent = { trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
/** Tries of one upload; each sends the file again from its start (a consumed stream cannot be replayed). */
const PUT_TRIES = 3

const statusOf = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode
const isNotFound = (error: unknown) => {
  const name = (error as { name?: string } | undefined)?.name
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404
}
/** Worth another try: no answer at all (network, timeout), throttled, or the service's own failure. */
const isTransient = (error: unknown) => {
  const status = statusOf(error)
  return status === undefined || status === 429 || status >= 500
}

/**
 * Blobs in an S3-compatible bucket (`@aws-sdk/client-s3`: AWS, Tencent COS,
 * Aliyun OSS, MinIO), one object per key, each sent with the configured
 * server-side encryption. Checksums are computed only where an operation
 * requires them (`WHEN_REQUIRED`): the SDK's default trailing checksums
 * (`aws-chunked` bodies) are not understood by every S3-compatible service.
 * Uploads stream from the local file with its length; downloads stream.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3'
  readonly #client: S3Client
  /** One try per request: the SDK never retries a streamed body, so `putFile` retries itself with a fresh stream. */
  readonly #putClient: S3Client
  readonly #settings: S3Settings

  constructor(settings: S3Settings) {
    this.#settings = settings
    const base: S3ClientConfig = {
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // The socket may be idle this long (a stalled service); a connection must open within 5 s.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
      // Failures reach the caller as errors; the SDK's own notes would otherwise go to the console.
      logger: silent,
    }
    this.#client = new S3Client({ ...base, maxAttempts: 3 })
    this.#putClient = new S3Client({ ...base, maxAttempts: 1 })
  }

  async putFile(key: string, path: string, options: { contentType?: string } = {}): Promise<void> {
    assertBlobKey(key)
    const { size } = await stat(path)
    for (let attempt = 1; ; attempt++) {
      const body = createReadStream(path)
      try {
        await this.#putClient.send(new PutObjectCommand({
          Bucket: this.#settings.bucket, Key: key, Body: body, ContentLength: size,
          ContentType: options.contentType ?? 'application/octet-stream',
          ...(this.#settings.serverSideEncryption ? { ServerSideEncryption: this.#settings.serverSideEncryption } : {}),
        }))
        break
      } catch (error) {
        if (attempt >= PUT_TRIES || !isTransient(error)) throw error
        await new Promise((done) => setTimeout(done, 200 * 2 ** attempt))
      } finally {
        body.destroy()
      }
    }
    await unlink(path)
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    assertBlobKey(key)
    try {
      const head = await this.#client.send(new HeadObjectCommand({ Bucket: this.#settings.bucket, Key: key }))
      return { size: head.ContentLength ?? 0 }
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }

  async read(key: string): Promise<Readable | undefined> {
    assertBlobKey(key)
    try {
      const object = await this.#client.send(new GetObjectCommand({ Bucket: this.#settings.bucket, Key: key }))
      return object.Body as Readable
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }

  async download(key: string, path: string): Promise<boolean> {
    const body = await this.read(key)
    if (!body) return false
    try {
      await pipeline(body, createWriteStream(path, { flags: 'wx', mode: 0o600 }))
    } catch (error) {
      await rm(path, { force: true })
      throw error
    }
    return true
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key)
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#settings.bucket, Key: key }))
  }

  async *list(prefix: string): AsyncGenerator<string> {
    let token: string | undefined
    do {
      const page = await this.#client.send(new ListObjectsV2Command({ Bucket: this.#settings.bucket, Prefix: prefix, ContinuationToken: token }))
      for (const object of page.Contents ?? []) if (object.Key !== undefined) yield object.Key
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
  }
}
