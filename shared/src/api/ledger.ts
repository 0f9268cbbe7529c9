import { z } from 'zod'
import { daysBetween, type CivilDate } from '../dates/civil-date'
import { civilDateSchema } from '../dates/schema'
import { fundingSources } from '../domain'

/**
 * The premium and payout ledger (收支台账) for the union's accounts:
 * `GET /api/v1/ledger?from=&to=[&catalogueId=]` (office staff, admins) and the
 * same as a workbook, `GET /api/v1/ledger.xlsx`. One row per business day,
 * catalogue and funding source (who pays the premium) that saw any money move:
 * premiums received online (WeChat Pay) and by transfer (a bank statement's
 * line, or a transfer, cash or cheque confirmed at the office), refunds made,
 * claims paid and claim transfers the bank returned.
 *
 * Days are China dates. A premium's day is the China date of its payment record
 * (the payment notice, the statement's match, the office's confirmation: the day
 * the cover is dated from); a refund's, the day WeChat Pay made it; a claim's,
 * the bank's date in its results file.
 */

/** The longest range one ledger covers: a plan year (366 days in a leap year). */
export const LEDGER_MAX_DAYS = 366

export const ledgerQuerySchema = z.object({
  from: civilDateSchema.describe('first day, China date YYYY-MM-DD'),
  to: civilDateSchema.describe('last day (inclusive), China date YYYY-MM-DD; at most 366 days after `from`'),
  catalogueId: z.string().min(1).max(60).optional().describe('one catalogue only'),
})
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>

/** What is wrong with a range of well-formed dates, as an error code; null when it is fine. */
export function ledgerRangeProblem(from: CivilDate, to: CivilDate): 'ledger_range_reversed' | 'ledger_range_too_long' | null {
  if (from > to) return 'ledger_range_reversed'
  if (daysBetween(from, to) + 1 > LEDGER_MAX_DAYS) return 'ledger_range_too_long'
  return null
}

const fen = z.number().int()
const count = z.number().int().min(0)

/** The figures of a row, and of the totals. Money in fen. */
export const ledgerFiguresSchema = z.object({
  paidEnrolmentCount: count.describe('enrolments the premiums received were for'),
  premiumsOnlineFen: fen.describe('premiums received by WeChat Pay'),
  premiumsTransferFen: fen.describe('premiums received by bank transfer, or confirmed at the office (cash, cheque)'),
  refundCount: count,
  refundsFen: fen.describe('premiums paid back (refunds WeChat Pay made)'),
  netPremiumsFen: fen.describe('premiumsOnlineFen + premiumsTransferFen - refundsFen'),
  claimsPaidCount: count,
  claimsPaidFen: fen.describe('claim transfers the bank made'),
  claimsFailedCount: count,
  claimsFailedFen: fen.describe('claim transfers the bank returned (the claim awaits payment again)'),
})
export type LedgerFigures = z.infer<typeof ledgerFiguresSchema>

export const ledgerRowSchema = ledgerFiguresSchema.extend({
  day: civilDateSchema,
  catalogueId: z.string(),
  catalogueName: z.string(),
  fundingSource: z.enum(fundingSources).nullable()
    .describe('premiums and refunds: whose share the money was (union → union_gift, unit, member); claims: the enrolment’s funding source; null only for money no share accounts for'),
})
export type LedgerRow = z.infer<typeof ledgerRowSchema>

export const ledgerSchema = z.object({
  from: civilDateSchema,
  to: civilDateSchema,
  catalogueId: z.string().nullable(),
  rows: z.array(ledgerRowSchema).describe('by day, then catalogue, then funding source; only rows with some figure'),
  totals: ledgerFiguresSchema.describe('the sum of the rows'),
})
export type Ledger = z.infer<typeof ledgerSchema>
