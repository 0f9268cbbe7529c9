import { fillTemplate, payeeUi } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { AppError, notFound } from '../../http/errors'
import { newId } from '../../ids'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import { moveClaim } from '../claims/claim-changes.service'
import type { ClaimRow } from '../claims/claims.table'
import { assertClaimHandlerKnown, isOwnCover } from '../identity/identity.service'
import { accountNumberOf } from '../payee-accounts/payee-accounts.presenter'
import type { BankTransfer } from './bank-file'
import type { ClaimPaymentBatchRow } from './claim-payment-batches.table'
import { findBatchRow, insertBatchRow, lockClaimRows, insertLineRows, listBatchLines } from './claim-payments.repository'

export interface ClaimPaymentDeps {
  clock: Clock
  protector: DataProtector
}

/**
 * Nobody pays a claim on their own cover (DOMAIN.md, "Identity"): the payer
 * needs a real-name profile, and a claim they filed, or on the cover of the
 * person they are, is a 403 naming it.
 */
export async function assertNoneOwn(db: Db, staffId: string, claims: readonly Pick<ClaimRow, 'id' | 'member_user_id' | 'insured_person_id'>[]): Promise<void> {
  await assertClaimHandlerKnown(db, staffId)
  for (const claim of claims) {
    if (claim.member_user_id === staffId || (await isOwnCover(db, staffId, claim.insured_person_id))) {
      throw new AppError(403, 'claim_own_not_payable', { details: [{ claimId: claim.id }] })
    }
  }
}

/**
 * Staff put approved claims into a payment batch, all or nothing: a claim twice
 * is a 422, one not approved (or unknown) a 409, one without a payee account a
 * 422, one on the payer's own cover a 403, and then nothing changes. Each claim
 * gets a pending line (its account and approved amount) and moves to
 * payment_in_progress with a history row; the member's message comes with the
 * bank's result.
 */
export async function createPaymentBatch(db: Db, deps: ClaimPaymentDeps, staffId: string, claimIds: readonly string[]): Promise<ClaimPaymentBatchRow> {
  if (new Set(claimIds).size !== claimIds.length) throw new AppError(422, 'validation_failed', { details: [{ path: 'claimIds', code: 'field_invalid' }] })
  const rows = await lockClaimRows(db, claimIds)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const notApproved = claimIds.filter((id) => byId.get(id)?.status !== 'approved')
  if (notApproved.length > 0) {
    throw new AppError(409, 'claim_not_approved', { details: notApproved.map((claimId) => ({ claimId, status: byId.get(claimId)?.status ?? null })) })
  }
  await assertNoneOwn(db, staffId, rows)
  const noPayee = rows.filter((r) => r.payee_account_id === null)
  if (noPayee.length > 0) throw new AppError(422, 'claim_payee_account_missing', { details: noPayee.map((r) => ({ claimId: r.id })) })

  const claims = claimIds.map((id) => byId.get(id)!)
  const batch: ClaimPaymentBatchRow = {
    id: newId('cpb', deps.clock.now()), count: claims.length,
    total_fen: claims.reduce((sum, c) => sum + (c.approved_fen ?? 0), 0), created_at: nowIso(deps.clock), created_by: staffId,
  }
  await insertBatchRow(db, batch)
  await insertLineRows(db, claims.map((c) => ({
    batch_id: batch.id, claim_id: c.id, payee_account_id: c.payee_account_id!, amount_fen: c.approved_fen ?? 0, result: 'pending',
  })))
  const note = fillTemplate(payeeUi.historyBatch, { batch: batch.id })
  for (const claim of claims) {
    await moveClaim(db, deps, claim, { from: ['approved'], to: 'payment_in_progress', actorUserId: staffId, actorRole: 'staff', note, changes: { payment_batch_id: batch.id } })
  }
  return batch
}

/**
 * The transfers of a batch still awaiting the bank's result, with the account
 * numbers in full, read in the caller's transaction together with the audit row
 * that records the reading (the numbers appear nowhere else). 404 for an unknown
 * batch, 409 when every line has its result already.
 */
export async function bankTransfersOf(db: Db, deps: ClaimPaymentDeps, batchId: string, actor: AuditActor): Promise<{ batch: ClaimPaymentBatchRow; transfers: BankTransfer[] }> {
  const batch = await findBatchRow(db, batchId)
  if (!batch) throw notFound()
  const lines = await listBatchLines(db, batchId, { pendingOnly: true })
  if (lines.length === 0) throw new AppError(409, 'claim_payment_batch_settled')
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'export', resource: `claim_payment_bank_file:${batchId}`, fields: ['bankAccountNumber'] })
  return {
    batch,
    transfers: lines.map((l) => ({
      holderName: l.holder_name, accountNumber: accountNumberOf(deps.protector, { id: l.payee_account_id, number_ciphertext: l.number_ciphertext }),
      bankName: l.bank_name, amountFen: l.amount_fen, claimId: l.claim_id,
    })),
  }
}
