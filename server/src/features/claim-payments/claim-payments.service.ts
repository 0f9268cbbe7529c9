import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import { newId } from '../../ids'
import { changeClaim, yuan } from '../claims/claim-changes.service'
import type { NotificationRow } from '../notifications/notifications.table'
import type { ClaimPaymentBatchRow } from './claim-payment-batches.table'
import { findClaimRows, insertBatchRow, takenReferences } from './claim-payments.repository'
import { assertClaimHandlerKnown, isOwnCover } from '../identity/identity.service'

export interface ClaimPaymentInput {
  claimId: string
  reference: string
}

/**
 * Staff mark approved claims paid, each with its bank reference, all or
 * nothing: a claim twice or a reference twice in the batch is a 422; a claim
 * that is not approved (or unknown) or a reference already used a 409, a claim
 * on the payer's own cover (whichever account filed it) a 403, and nothing is paid. Each claim gets its history row and the member a message.
 */
export async function payClaims(db: Db, deps: { clock: Clock }, staffId: string, payments: readonly ClaimPaymentInput[]): Promise<{ batch: ClaimPaymentBatchRow; notifications: NotificationRow[] }> {
  const claimIds = payments.map((p) => p.claimId)
  if (new Set(claimIds).size !== claimIds.length) throw new AppError(422, 'validation_failed', { details: [{ path: 'payments', code: 'field_invalid' }] })
  const references = payments.map((p) => p.reference)
  if (new Set(references).size !== references.length) throw new AppError(422, 'payment_reference_repeated')
  const rows = await findClaimRows(db, claimIds)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const notApproved = claimIds.filter((id) => byId.get(id)?.status !== 'approved')
  if (notApproved.length > 0) {
    throw new AppError(409, 'claim_not_approved', { details: notApproved.map((claimId) => ({ claimId, status: byId.get(claimId)?.status ?? null })) })
  }
  await assertClaimHandlerKnown(db, staffId)
  for (const claim of rows) {
    if (claim.member_user_id === staffId || (await isOwnCover(db, staffId, claim.insured_person_id))) {
      throw new AppError(403, 'claim_own_not_payable', { details: [{ claimId: claim.id }] })
    }
  }
  const taken = await takenReferences(db, references)
  if (taken.length > 0) throw new AppError(409, 'payment_reference_taken', { details: taken.map((reference) => ({ reference })) })

  const paidAt = nowIso(deps.clock)
  const batch: ClaimPaymentBatchRow = {
    id: newId('cpb', deps.clock.now()), count: payments.length,
    total_fen: payments.reduce((sum, p) => sum + (byId.get(p.claimId)?.approved_fen ?? 0), 0), created_at: paidAt, created_by: staffId,
  }
  await insertBatchRow(db, batch)
  const notifications: NotificationRow[] = []
  for (const payment of payments) {
    const claim = byId.get(payment.claimId)!
    notifications.push(await changeClaim(db, deps, claim, {
      from: ['approved'], to: 'paid', actorUserId: staffId, actorRole: 'staff', note: null,
      params: { amount: yuan(claim.approved_fen ?? 0), reference: payment.reference },
      changes: { payment_batch_id: batch.id, payment_reference: payment.reference, paid_at: paidAt },
    }))
  }
  return { batch, notifications }
}
