import type { Db } from '../../db/open'
import type { ClaimPaymentBatchRow } from './claim-payment-batches.table'

export async function insertBatchRow(db: Db, row: ClaimPaymentBatchRow): Promise<void> {
  await db.insertInto('claim_payment_batches').values(row).execute()
}

export function findBatchRow(db: Db, batchId: string): Promise<ClaimPaymentBatchRow | undefined> {
  return db.selectFrom('claim_payment_batches').selectAll().where('id', '=', batchId).executeTakeFirst()
}

export function findClaimRows(db: Db, claimIds: readonly string[]) {
  return db.selectFrom('claims').selectAll().where('id', 'in', claimIds).execute()
}

/** Payment references already recorded on some claim. */
export async function takenReferences(db: Db, references: readonly string[]): Promise<string[]> {
  const rows = await db.selectFrom('claims').select('payment_reference').where('payment_reference', 'in', references).execute()
  return rows.map((r) => r.payment_reference as string)
}

/** The claims a batch paid, with the insured person's name, in claim order. */
export function listBatchClaims(db: Db, batchId: string) {
  return db
    .selectFrom('claims')
    .innerJoin('insured_persons', 'insured_persons.id', 'claims.insured_person_id')
    .select(['claims.id', 'claims.approved_fen', 'claims.payment_reference', 'claims.paid_at', 'insured_persons.name'])
    .where('claims.payment_batch_id', '=', batchId)
    .orderBy('claims.id')
    .execute()
}
