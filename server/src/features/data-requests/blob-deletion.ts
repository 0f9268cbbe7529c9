import type { Db } from '../../db/open'
import type { BlobStore } from '../../files/blob-store'
import type { OutboxHandler } from '../outbox/outbox-kinds'

/**
 * Sends `blob_delete`: removes a stored file once the transaction that stopped
 * using it has committed (never inside it: a rollback would leave rows naming a
 * file that is gone). A photo is content-addressed, so another upload of the
 * same bytes (another member's, or a later one) keeps the file. A failure (the
 * object store unreachable) throws and the outbox tries again.
 */
export function blobDeletion(deps: { db: Db; blobs: BlobStore }): OutboxHandler<'blob_delete'> {
  return async ({ key, sha256 }, { log }) => {
    if (sha256 !== undefined) {
      const still = await deps.db.selectFrom('uploads').select('id').where('sha256', '=', sha256).executeTakeFirst()
      if (still) {
        log.info('blob kept: another upload has the same bytes')
        return
      }
    }
    await deps.blobs.delete(key)
  }
}
