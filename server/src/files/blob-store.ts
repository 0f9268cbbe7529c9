import { rm } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import type { BlobStoreSettings } from './blob-store-config'
import { DiskBlobStore } from './disk-blob-store'
import { S3BlobStore } from './s3-blob-store'
import { tempFilePath } from './temp-files'

/**
 * Where files that every server node must see are kept: claim material (photos
 * and PDFs, content-addressed: `uploads/ab/cd/<sha256>`) and checked rosters
 * (`rosters/<id>.xlsx` and their sealed good rows `rosters/<id>.rows.jsonl`).
 * On disk under the data folder (one machine, or a shared volume) or in an
 * S3-compatible bucket (Tencent COS, Aliyun OSS, MinIO, AWS), chosen by
 * `HUZHU_BLOB_STORE`. A key is a `/`-separated relative path of safe characters.
 *
 * Bodies always stream: a file is written from a local file (the request was
 * received into the node's own temporary area first, hashed and checked), read
 * as a stream, or copied to a local file for readers that need random access
 * (the xlsx reader). Temporary files are never shared state and never here.
 */
export interface BlobStore {
  readonly kind: 'disk' | 's3'
  /**
   * Stores the local file at `path` under `key`, replacing what was there, and
   * takes the file: on success it no longer exists at `path` (disk: moved; S3:
   * uploaded, then removed). On failure it is left for the caller to remove.
   */
  putFile(key: string, path: string, options?: { contentType?: string }): Promise<void>
  /** The stored object's size, or undefined when there is none. */
  stat(key: string): Promise<{ size: number } | undefined>
  /** The stored bytes as a stream, or undefined when there is none. */
  read(key: string): Promise<Readable | undefined>
  /** Writes the stored bytes to the local file `path` (created, mode 600); false when there is none. */
  download(key: string, path: string): Promise<boolean>
  /** Removes the object; nothing when there is none. */
  delete(key: string): Promise<void>
  /** Keys that start with `prefix` (for checks and maintenance). */
  list(prefix: string): AsyncGenerator<string>
}

export function createBlobStore(settings: BlobStoreSettings, dataDir: string): BlobStore {
  return settings.kind === 's3' ? new S3BlobStore(settings.s3) : new DiskBlobStore(dataDir)
}

/**
 * Runs `use` with the stored object as a local file: on disk the stored file
 * itself (read it, never change it), from S3 a copy in the node's temporary
 * area, removed afterwards. `use` gets undefined when there is no such object.
 */
export async function withLocalCopy<T>(blobs: BlobStore, dataDir: string, key: string, use: (path: string | undefined) => Promise<T>): Promise<T> {
  if (blobs instanceof DiskBlobStore) {
    const path = blobs.pathOf(key)
    return use((await blobs.stat(key)) ? path : undefined)
  }
  const copy = tempFilePath(dataDir, 'blob-copy')
  try {
    return await use((await blobs.download(key, copy)) ? copy : undefined)
  } finally {
    await rm(copy, { force: true })
  }
}
