import { fillTemplate, payeeChangeableClaimStatuses, payeeUi, type ClaimStatus } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { AppError, notFound } from '../../http/errors'
import { findProfileRow } from '../members/members.repository'
import { maskedNumberOf } from '../payee-accounts/payee-accounts.presenter'
import { payeeAccountForClaim } from '../payee-accounts/payee-accounts.service'
import { recordHistory, statusConflict } from './claim-changes.service'
import { findOwnClaimRow, updateClaimRow } from './claims.repository'

/**
 * The member chooses another of their accounts for a claim: while it is open
 * or approved and awaiting payment (after a failed payment, to correct the
 * account), never once it is at the bank, paid or closed (409). The change is a
 * history row at the claim's status, naming the new account masked.
 */
export async function changeClaimPayee(db: Db, deps: { clock: Clock; protector: DataProtector }, userId: string, claimId: string, accountId: string): Promise<void> {
  const claim = await findOwnClaimRow(db, userId, claimId)
  if (!claim) throw notFound()
  const changeable: readonly ClaimStatus[] = payeeChangeableClaimStatuses
  if (!changeable.includes(claim.status as ClaimStatus)) throw statusConflict(claim.status, 'claim_payee_not_changeable')
  const profile = await findProfileRow(db, userId)
  if (!profile) throw new AppError(403, 'profile_required')
  const account = await payeeAccountForClaim(db, userId, accountId, profile.name)
  if (account.id === claim.payee_account_id) return
  const updated = await updateClaimRow(db, claim.id, [claim.status], { payee_account_id: account.id, updated_at: nowIso(deps.clock) })
  if (!updated) throw statusConflict(claim.status, 'claim_payee_not_changeable')
  const note = fillTemplate(payeeUi.historyChanged, { bank: account.bank_name, number: maskedNumberOf(deps.protector, account) })
  await recordHistory(db, deps, claim.id, claim.status as ClaimStatus, userId, 'member', note)
}
