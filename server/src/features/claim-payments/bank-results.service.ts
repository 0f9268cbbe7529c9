import { fillTemplate, formatFen, maskBankAccountNumber, message, payeeUi, staffUi, type CivilDate, type MessageCode, type MessageParams, type UnmatchedBankLine } from '@huzhu/shared'
import { nowIso, todayInChina } from '../../clock'
import type { Db } from '../../db/open'
import { conflict, notFound } from '../../http/errors'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import { changeClaim, yuan } from '../claims/claim-changes.service'
import { paidWorkingDaysFor } from '../claims/claim-due-dates'
import { findClaimRow } from '../claims/claims.repository'
import type { NotificationRow } from '../notifications/notifications.table'
import { accountNumberOf } from '../payee-accounts/payee-accounts.presenter'
import { maskNamedAccount, sameAccount, type BankResultLine } from './bank-results-file'
import type { ClaimPaymentBatchRow } from './claim-payment-batches.table'
import { findBatchRow, listBatchLines, recordLineResult, referenceTakenByOther, type BatchLine } from './claim-payments.repository'
import { assertNoneOwn, type ClaimPaymentDeps } from './claim-payments.service'

export interface BankResultsOutcome {
  batch: ClaimPaymentBatchRow
  paid: { row: number; claimId: string; settledOn: CivilDate }[]
  failed: { row: number; claimId: string; reason: string }[]
  alreadyRecorded: number
  unmatched: UnmatchedBankLine[]
  notifications: NotificationRow[]
}

function unmatchedLine(line: BankResultLine, code: MessageCode, params?: MessageParams): UnmatchedBankLine {
  return { row: line.row, claimNumber: line.claimNumber, accountMasked: maskNamedAccount(line.account), amountFen: line.amountFen, code, message: message(code, params) }
}

/** Records a line's result; a line no longer pending (changed meanwhile) is a 409 and the import is rolled back. */
async function recordOnce(db: Db, batchId: string, claimId: string, changes: Parameters<typeof recordLineResult>[3]): Promise<void> {
  if (!(await recordLineResult(db, batchId, claimId, changes))) throw conflict('claim_status_changed', { params: { status: staffUi.claimPayments.result.pending } })
}

/**
 * What a results line is, against the batch: its pending line to record, one
 * recorded before with the same result, or unmatched (and why). A line matches
 * its claim's line in this batch only with the same account and amount.
 */
function matchLine(line: BankResultLine, batchLine: BatchLine | undefined, accountNumber: () => string, firstRow: number | undefined):
  { kind: 'record' } | { kind: 'recorded' } | { kind: 'unmatched'; code: MessageCode; params?: MessageParams } {
  if (line.problem) return { kind: 'unmatched', ...line.problem }
  if (!batchLine) return { kind: 'unmatched', code: 'bank_result_not_in_batch' }
  if (firstRow !== undefined) return { kind: 'unmatched', code: 'bank_result_duplicate', params: { row: firstRow } }
  if (!sameAccount(line.account!, accountNumber())) return { kind: 'unmatched', code: 'bank_result_account_mismatch' }
  if (line.amountFen !== batchLine.amount_fen) return { kind: 'unmatched', code: 'bank_result_amount_mismatch', params: { amount: formatFen(batchLine.amount_fen) } }
  if (batchLine.result === 'pending') return { kind: 'record' }
  if (batchLine.result === line.result) return { kind: 'recorded' }
  return { kind: 'unmatched', code: 'bank_result_conflicts', params: { result: staffUi.claimPayments.result[batchLine.result as 'paid' | 'failed'] } }
}

/**
 * Imports the bank's results for a batch, in the caller's transaction. Nobody
 * records results of a batch holding a claim on their own cover (403, nothing
 * changes). Each line that matches a pending line of the batch (claim number in
 * 附言, account, amount) is recorded: paid → the claim is paid (the bank's date,
 * its serial number or else the claim number as the reference; the member's
 * message); failed → the claim goes back to approved, awaiting payment, with the
 * bank's reason, and the member is asked to correct the account. A line recorded
 * before with the same result is counted, not repeated; every other line is
 * unmatched, with why, and changes nothing. The import is audited (the file
 * names accounts).
 */
export async function recordBankResults(db: Db, deps: ClaimPaymentDeps, staffId: string, batchId: string, lines: readonly BankResultLine[], actor: AuditActor): Promise<BankResultsOutcome> {
  const batch = await findBatchRow(db, batchId)
  if (!batch) throw notFound()
  const batchLines = await listBatchLines(db, batchId)
  await assertNoneOwn(db, staffId, batchLines.filter((l) => l.result === 'pending').map((l) => ({ id: l.claim_id, member_user_id: l.member_user_id, insured_person_id: l.insured_person_id })))

  const byClaim = new Map(batchLines.map((l) => [l.claim_id, l]))
  const numbers = new Map<string, string>()
  const accountNumber = (l: BatchLine) => {
    if (!numbers.has(l.payee_account_id)) numbers.set(l.payee_account_id, accountNumberOf(deps.protector, { id: l.payee_account_id, number_ciphertext: l.number_ciphertext }))
    return numbers.get(l.payee_account_id)!
  }
  const today = todayInChina(deps.clock)
  const now = nowIso(deps.clock)
  const seen = new Map<string, number>()
  const outcome: BankResultsOutcome = { batch, paid: [], failed: [], alreadyRecorded: 0, unmatched: [], notifications: [] }

  for (const line of lines) {
    const batchLine = line.claimNumber ? byClaim.get(line.claimNumber) : undefined
    const match = matchLine(line, batchLine, () => accountNumber(batchLine!), line.claimNumber ? seen.get(line.claimNumber) : undefined)
    if (match.kind !== 'unmatched') seen.set(batchLine!.claim_id, line.row)
    if (match.kind === 'unmatched') {
      outcome.unmatched.push(unmatchedLine(line, match.code, match.params))
      continue
    }
    if (match.kind === 'recorded') {
      outcome.alreadyRecorded++
      continue
    }
    const target = batchLine!
    const claim = await findClaimRow(db, target.claim_id)
    if (!claim) throw notFound()
    const settledOn = line.settledOn ?? today
    const amount = yuan(target.amount_fen)
    if (line.result === 'paid') {
      const reference = line.reference ?? target.claim_id
      if (await referenceTakenByOther(db, reference, target.claim_id)) {
        outcome.unmatched.push(unmatchedLine(line, 'bank_result_reference_taken', { reference }))
        continue
      }
      await recordOnce(db, batchId, target.claim_id, { result: 'paid', bank_reference: line.reference, failure_reason: null, settled_on: settledOn, recorded_at: now, recorded_by: staffId })
      outcome.notifications.push(await changeClaim(db, deps, claim, {
        from: ['payment_in_progress'], to: 'paid', actorUserId: staffId, actorRole: 'staff', note: null,
        params: { amount, reference },
        changes: { payment_reference: reference, paid_at: now, paid_on: settledOn, paid_working_days: await paidWorkingDaysFor(db, claim.last_material_at, settledOn) },
      }))
      outcome.paid.push({ row: line.row, claimId: target.claim_id, settledOn })
    } else {
      const reason = line.reason ?? staffUi.claimPayments.noReason
      await recordOnce(db, batchId, target.claim_id, { result: 'failed', bank_reference: line.reference, failure_reason: reason, settled_on: settledOn, recorded_at: now, recorded_by: staffId })
      outcome.notifications.push(await changeClaim(db, deps, claim, {
        from: ['payment_in_progress'], to: 'approved', actorUserId: staffId, actorRole: 'staff',
        note: fillTemplate(payeeUi.historyFailed, { reason }), kind: 'claim_payment_failed',
        params: { amount, reason, account: `${target.bank_name} ${maskBankAccountNumber(accountNumber(target))}` },
      }))
      outcome.failed.push({ row: line.row, claimId: target.claim_id, reason })
    }
  }
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'update', resource: `claim_payment_results:${batchId}`, fields: ['bankAccountNumber'] })
  return outcome
}
