import type { Db } from '../../db/open'
import type { NewUploadRow, UploadRow } from './uploads.table'

export async function insertUploadRow(db: Db, row: NewUploadRow): Promise<void> {
  await db.insertInto('uploads').values(row).execute()
}

export function findUploadRow(db: Db, uploadId: string): Promise<UploadRow | undefined> {
  return db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirst()
}

/** The uploads among `ids` that this user owns. */
export function findOwnUploadRows(db: Db, userId: string, ids: readonly string[]): Promise<UploadRow[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('uploads').selectAll().where('owner_user_id', '=', userId).where('id', 'in', ids).execute()
}

/** The claim an upload is attached to, with the claim's member, if any. */
export function findUploadClaim(db: Db, uploadId: string): Promise<{ claim_id: string; member_user_id: string } | undefined> {
  return db
    .selectFrom('claim_documents')
    .innerJoin('claims', 'claims.id', 'claim_documents.claim_id')
    .select(['claim_documents.claim_id', 'claims.member_user_id'])
    .where('claim_documents.upload_id', '=', uploadId)
    .executeTakeFirst()
}
