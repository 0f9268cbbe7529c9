import { withLocalCopy, type BlobStore } from '../../files/blob-store'
import { XLSX_TYPE } from '../../http/file-response'

/**
 * A checked roster's stored files, in the blob store (shared by every node):
 * the uploaded xlsx, `rosters/<id>.xlsx` (ID numbers in clear, as the unit
 * sent them: object storage keeps it with server-side encryption), and its good
 * rows, `rosters/<id>.rows.jsonl`, each line sealed with the data key
 * (`roster-staging.ts`).
 */
export const rosterKeys = (rosterId: string) => ({ xlsx: `rosters/${rosterId}.xlsx`, staging: `rosters/${rosterId}.rows.jsonl` })

/** Stores a checked roster's two local files (they are taken: moved or uploaded). */
export async function storeRosterFiles(blobs: BlobStore, rosterId: string, files: { xlsx: string; staging: string }): Promise<void> {
  const keys = rosterKeys(rosterId)
  await blobs.putFile(keys.xlsx, files.xlsx, { contentType: XLSX_TYPE })
  await blobs.putFile(keys.staging, files.staging)
}

/** Removes a roster's stored files (a roster whose row could not be written). */
export async function deleteRosterFiles(blobs: BlobStore, rosterId: string): Promise<void> {
  const keys = rosterKeys(rosterId)
  await Promise.all([blobs.delete(keys.xlsx), blobs.delete(keys.staging)])
}

/** What an import reads, as local files: the staged good rows when kept, else the xlsx to check again. */
export type RosterImportFiles = { staging: string } | { xlsx: string }

/**
 * Runs `use` with what the import of a roster reads, as a local file (copied
 * from object storage into this node's temporary area first, so the import's
 * transaction reads the disk, never the network). Throws when neither file is stored.
 */
export async function withRosterImportFiles<T>(blobs: BlobStore, dataDir: string, rosterId: string, use: (files: RosterImportFiles) => Promise<T>): Promise<T> {
  const keys = rosterKeys(rosterId)
  return withLocalCopy(blobs, dataDir, keys.staging, (staging) => {
    if (staging !== undefined) return use({ staging })
    return withRosterXlsx(blobs, dataDir, rosterId, (xlsx) => use({ xlsx }))
  })
}

/** Runs `use` with the roster's stored xlsx as a local file; throws when it is not stored. */
export async function withRosterXlsx<T>(blobs: BlobStore, dataDir: string, rosterId: string, use: (xlsx: string) => Promise<T>): Promise<T> {
  return withLocalCopy(blobs, dataDir, rosterKeys(rosterId).xlsx, (xlsx) => {
    if (xlsx === undefined) throw new Error(`roster ${rosterId}: its file is missing from the blob store`)
    return use(xlsx)
  })
}
