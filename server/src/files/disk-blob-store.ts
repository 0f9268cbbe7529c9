import { createReadStream, createWriteStream } from 'node:fs'
import { copyFile, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { assertBlobKey } from './blob-keys'
import type { BlobStore } from './blob-store'

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'

/**
 * Blobs as files under the data folder, `${dataDir}/<key>` (the layout of
 * earlier versions: `uploads/ab/cd/<sha256>`, `rosters/<id>.xlsx`), readable
 * by the server only. A file reaches the disk (fsync) before it takes its
 * stored name, so a crash never leaves a short file under a key.
 */
export class DiskBlobStore implements BlobStore {
  readonly kind = 'disk'
  constructor(readonly root: string) {}

  pathOf(key: string): string {
    assertBlobKey(key)
    return join(this.root, ...key.split('/'))
  }

  async putFile(key: string, path: string): Promise<void> {
    const target = this.pathOf(key)
    const handle = await open(path, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await mkdir(dirname(target), { recursive: true, mode: 0o700 })
    try {
      await rename(path, target)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
      // The temporary area is on another file system: copy under a temporary name, then rename within the store.
      const part = `${target}.${process.pid}.part`
      try {
        await pipeline(createReadStream(path), createWriteStream(part, { mode: 0o600 }))
        await rename(part, target)
      } finally {
        await rm(part, { force: true })
      }
      await unlink(path)
    }
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    const info = await stat(this.pathOf(key)).catch((error: unknown) => {
      if (isMissing(error)) return undefined
      throw error
    })
    return info?.isFile() ? { size: info.size } : undefined
  }

  async read(key: string): Promise<Readable | undefined> {
    const handle = await open(this.pathOf(key), 'r').catch((error: unknown) => {
      if (isMissing(error)) return undefined
      throw error
    })
    return handle?.createReadStream()
  }

  async download(key: string, path: string): Promise<boolean> {
    try {
      await copyFile(this.pathOf(key), path)
      return true
    } catch (error) {
      if (isMissing(error)) return false
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true })
  }

  async *list(prefix: string): AsyncGenerator<string> {
    const cut = prefix.lastIndexOf('/')
    const dir = prefix.slice(0, cut + 1)
    const walk = async function* (root: string, keyDir: string): AsyncGenerator<string> {
      const entries = await readdir(join(root, ...keyDir.split('/').filter(Boolean)), { withFileTypes: true }).catch((error: unknown) => {
        if (isMissing(error)) return []
        throw error
      })
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const key = `${keyDir}${entry.name}`
        if (entry.isDirectory()) {
          if (`${key}/`.startsWith(prefix) || prefix.startsWith(`${key}/`)) yield* walk(root, `${key}/`)
        }
        else if (entry.isFile() && key.startsWith(prefix) && !entry.name.endsWith('.part')) yield key
      }
    }
    yield* walk(this.root, dir)
  }
}
