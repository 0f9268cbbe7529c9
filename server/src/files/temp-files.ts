import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The data folder's temporary area, `${HUZHU_DATA_DIR}/tmp/`: a file a request
 * is still writing (an uploaded roster or settlement file, the good rows of a
 * roster being checked) lives here, never in the system's temp folder, and
 * goes when the request ends (moved to its stored place, or removed). What a
 * crash leaves is removed when the server next starts (`sweepTempFiles`).
 */
export const tempDirOf = (dataDir: string) => join(dataDir, 'tmp')

/** A fresh path in the temporary area (the folder made if needed, readable by the server only). */
export function tempFilePath(dataDir: string, label: string): string {
  const dir = tempDirOf(dataDir)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return join(dir, `${label}-${randomBytes(9).toString('base64url')}.part`)
}

/** Where earlier versions wrote uploads in progress (`<id>.part` beside the stored files). */
const OLD_PART_FOLDERS = ['rosters', 'medical-records']

/**
 * Removes everything in the temporary area, and `.part` files an earlier
 * version left beside stored rosters: call it at start, before any request.
 * Returns how many were removed.
 */
export async function sweepTempFiles(dataDir: string): Promise<number> {
  let removed = 0
  const remove = async (dir: string, keep: (name: string) => boolean) => {
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names) {
      if (keep(name)) continue
      await rm(join(dir, name), { recursive: true, force: true })
      removed++
    }
  }
  await remove(tempDirOf(dataDir), () => false)
  for (const folder of OLD_PART_FOLDERS) await remove(join(dataDir, folder), (name) => !name.endsWith('.part'))
  return removed
}
