import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The data folder's temporary area, `${HUZHU_DATA_DIR}/tmp/`: a file a request
 * is still writing or reading (an uploaded photo, roster or settlement file,
 * the good rows of a roster being checked, a stored roster copied from object
 * storage) lives here, never in the system's temp folder, and goes when the
 * request ends (stored in the blob store, or removed). Temporary files are
 * this node's own: never shared state.
 *
 * What a crash leaves is removed by `sweepTempFiles`, by age only: the data
 * folder may be a volume several nodes share, and a file another node is
 * writing right now is not this node's to judge, so nothing younger than
 * `STALE_TEMP_MS` is touched (no request runs that long).
 */
export const tempDirOf = (dataDir: string) => join(dataDir, 'tmp')

/** A temporary file untouched this long belongs to no request in progress, on any node. */
export const STALE_TEMP_MS = 60 * 60 * 1000

/** A fresh path in the temporary area (the folder made if needed, readable by the server only). */
export function tempFilePath(dataDir: string, label: string): string {
  const dir = tempDirOf(dataDir)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return join(dir, `${label}-${randomBytes(9).toString('base64url')}.part`)
}

/**
 * Runs `use` with a fresh path in the temporary area and removes the file when
 * `use` ends, however it ends (a file moved away by then is simply gone): a
 * request's file, ID numbers in clear or not, is never kept past the request.
 */
export async function withTempFile<T>(dataDir: string, label: string, use: (path: string) => Promise<T>): Promise<T> {
  const path = tempFilePath(dataDir, label)
  try {
    return await use(path)
  } finally {
    await rm(path, { force: true })
  }
}

/** Where earlier versions wrote files in progress: `uploads/tmp/`, and `<id>.part` beside stored rosters and settlement files. */
const OLD_PART_FOLDERS = ['uploads/tmp', 'rosters', 'medical-records']

/**
 * Removes what crashed requests left: everything in the temporary area, and
 * `.part` files in the folders earlier versions used, last changed more than
 * `STALE_TEMP_MS` before `now`. Run at start and then hourly. Returns how many
 * were removed.
 */
export async function sweepTempFiles(dataDir: string, now = Date.now()): Promise<number> {
  const before = now - STALE_TEMP_MS
  let removed = 0
  const sweep = async (dir: string, only: (name: string) => boolean) => {
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names) {
      if (!only(name)) continue
      const path = join(dir, name)
      const info = await stat(path).catch(() => undefined)
      if (!info || info.mtimeMs > before) continue
      await rm(path, { recursive: true, force: true }).then(() => removed++, () => undefined)
    }
  }
  await sweep(tempDirOf(dataDir), () => true)
  for (const folder of OLD_PART_FOLDERS) await sweep(join(dataDir, ...folder.split('/')), (name) => name.endsWith('.part'))
  return removed
}
