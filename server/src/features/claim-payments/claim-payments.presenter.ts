import { maskBankAccountNumber, maskName, type ClaimPaymentBatch, type ClaimPaymentLine, type ClaimPaymentLineResult, type ClaimPaymentResults } from '@huzhu/shared'
import type { DataProtector } from '../../crypto/protector'
import { accountNumberOf } from '../payee-accounts/payee-accounts.presenter'
import type { BankResultsOutcome } from './bank-results.service'
import type { ClaimPaymentBatchRow } from './claim-payment-batches.table'
import type { BatchLine, LineCounts } from './claim-payments.repository'

const noLines: LineCounts = { pending: 0, paid: 0, failed: 0 }

export function presentBatch(row: ClaimPaymentBatchRow, counts: LineCounts = noLines): ClaimPaymentBatch {
  return {
    id: row.id, count: row.count, totalFen: row.total_fen, createdAt: row.created_at, createdBy: row.created_by,
    pendingCount: counts.pending, paidCount: counts.paid, failedCount: counts.failed,
  }
}

/** A line for staff: the person's name and the account masked. */
export function presentLine(protector: DataProtector, line: BatchLine): ClaimPaymentLine {
  return {
    claimId: line.claim_id,
    personName: maskName(line.person_name),
    bankName: line.bank_name,
    accountMasked: maskBankAccountNumber(accountNumberOf(protector, { id: line.payee_account_id, number_ciphertext: line.number_ciphertext })),
    amountFen: line.amount_fen,
    result: line.result as ClaimPaymentLineResult,
    bankReference: line.bank_reference,
    failureReason: line.failure_reason,
    settledOn: line.settled_on,
  }
}

export function presentResults(outcome: BankResultsOutcome, counts: LineCounts, rowCount: number): ClaimPaymentResults {
  return {
    batch: presentBatch(outcome.batch, counts), rowCount, paid: outcome.paid, failed: outcome.failed,
    alreadyRecorded: outcome.alreadyRecorded, unmatched: outcome.unmatched,
  }
}
