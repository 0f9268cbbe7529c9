import type { ClaimPaymentLineResult } from '@huzhu/shared'
import { forUpdate } from '../../db/dialect'
import type { Db } from '../../db/open'
import { newestFirst } from '../../db/paging'
import type { ClaimPaymentBatchRow } from './claim-payment-batches.table'
import type { ClaimPaymentLineRow, NewClaimPaymentLineRow } from './claim-payment-lines.table'

export async function insertBatchRow(db: Db, row: ClaimPaymentBatchRow): Promise<void> {
  await db.insertInto('claim_payment_batches').values(row).execute()
}

export function findBatchRow(db: Db, batchId: string): Promise<ClaimPaymentBatchRow | undefined> {
  return db.selectFrom('claim_payment_batches').selectAll().where('id', '=', batchId).executeTakeFirst()
}

/** Batches newest first; `before` is the last id of the previous page. */
export function listBatchRows(db: Db, before: string | undefined, limit: number): Promise<ClaimPaymentBatchRow[]> {
  return newestFirst(db.selectFrom('claim_payment_batches').selectAll(), before, limit).execute()
}

/**
 * The claims for a batch, locked in id order until the caller's transaction ends
 * (PostgreSQL): two batches naming one claim at once take turns, and the second
 * finds it in payment already (409).
 */
export function lockClaimRows(db: Db, claimIds: readonly string[]) {
  return forUpdate(db, db.selectFrom('claims').selectAll().where('id', 'in', claimIds).orderBy('id')).execute()
}

export async function insertLineRows(db: Db, rows: readonly NewClaimPaymentLineRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('claim_payment_lines').values(rows.slice(i, i + 200)).execute()
}

export type LineCounts = Record<ClaimPaymentLineResult, number>

/** How many lines of each batch await, were paid, failed. */
export async function lineCountsOf(db: Db, batchIds: readonly string[]): Promise<Map<string, LineCounts>> {
  const counts = new Map<string, LineCounts>(batchIds.map((id) => [id, { pending: 0, paid: 0, failed: 0 }]))
  if (batchIds.length === 0) return counts
  const rows = await db.selectFrom('claim_payment_lines').select(['batch_id', 'result', (eb) => eb.fn.countAll<number>().as('n')])
    .where('batch_id', 'in', batchIds).groupBy(['batch_id', 'result']).execute()
  for (const row of rows) counts.get(row.batch_id)![row.result as ClaimPaymentLineResult] = Number(row.n)
  return counts
}

/**
 * A batch's lines with what the bank file and the staff page need: the
 * claim's member and insured person, the person's name, the account's holder,
 * bank and sealed number. `pendingOnly`: the lines still awaiting the bank.
 */
export function listBatchLines(db: Db, batchId: string, options: { pendingOnly?: boolean } = {}) {
  let query = db
    .selectFrom('claim_payment_lines as l')
    .innerJoin('claims as c', 'c.id', 'l.claim_id')
    .innerJoin('insured_persons as p', 'p.id', 'c.insured_person_id')
    .innerJoin('payee_accounts as a', 'a.id', 'l.payee_account_id')
    .selectAll('l')
    .select(['c.member_user_id', 'c.insured_person_id', 'c.status as claim_status', 'p.name as person_name', 'a.holder_name', 'a.bank_name', 'a.number_ciphertext'])
    .where('l.batch_id', '=', batchId)
  if (options.pendingOnly) query = query.where('l.result', '=', 'pending')
  return query.orderBy('l.claim_id').execute()
}
export type BatchLine = Awaited<ReturnType<typeof listBatchLines>>[number]

/** The claim's line in its latest batch (batch ids sort by time). */
export function findLastLineOfClaim(db: Db, claimId: string): Promise<ClaimPaymentLineRow | undefined> {
  return db.selectFrom('claim_payment_lines').selectAll().where('claim_id', '=', claimId).orderBy('batch_id', 'desc').limit(1).executeTakeFirst()
}

/** Records the bank's result on a line still pending; false when it was recorded meanwhile. */
export async function recordLineResult(db: Db, batchId: string, claimId: string, changes: Pick<ClaimPaymentLineRow, 'result' | 'bank_reference' | 'failure_reason' | 'settled_on' | 'recorded_at' | 'recorded_by'>): Promise<boolean> {
  const result = await db.updateTable('claim_payment_lines').set(changes)
    .where('batch_id', '=', batchId).where('claim_id', '=', claimId).where('result', '=', 'pending').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Whether another claim already holds this payment reference. */
export async function referenceTakenByOther(db: Db, reference: string, claimId: string): Promise<boolean> {
  const row = await db.selectFrom('claims').select('id').where('payment_reference', '=', reference).where('id', '!=', claimId).executeTakeFirst()
  return row !== undefined
}
