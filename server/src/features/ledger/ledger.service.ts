import { addDays, daysBetween, fundingSources, payerFundingSource, type FundingPayer, ledgerRangeProblem, LEDGER_MAX_DAYS, type CivilDate, type FundingSource, type LedgerFigures, type LedgerQuery } from '@huzhu/shared'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { catalogueOr422 } from '../enrolments/enrolments.service'
import { claimTransferSums, paymentSums, premiumShares, refundSums, type LedgerDays } from './ledger.repository'

/** One ledger row before presentation: a day, a catalogue, who funds the premium, and its figures. */
export interface LedgerLine extends LedgerFigures {
  day: CivilDate
  catalogueId: string
  fundingSource: FundingSource | null
}

export interface LedgerView {
  from: CivilDate
  to: CivilDate
  catalogueId: string | null
  lines: LedgerLine[]
  totals: LedgerFigures
}

export const zeroFigures = (): LedgerFigures => ({
  paidEnrolmentCount: 0, premiumsOnlineFen: 0, premiumsTransferFen: 0, refundCount: 0, refundsFen: 0, netPremiumsFen: 0,
  claimsPaidCount: 0, claimsPaidFen: 0, claimsFailedCount: 0, claimsFailedFen: 0,
})

/** A range of well-formed dates that is not reversed nor longer than a plan year; else 400 with the code. */
export function checkLedgerRange(from: CivilDate, to: CivilDate): void {
  const problem = ledgerRangeProblem(from, to)
  if (problem) throw new AppError(400, problem, { params: { days: LEDGER_MAX_DAYS }, details: [{ path: problem === 'ledger_range_reversed' ? 'from' : 'to', code: problem }] })
}

/** Each day of the range and the instant it begins: 00:00 in China is 16:00 UTC the day before (no daylight saving). */
export function ledgerDays(from: CivilDate, to: CivilDate): LedgerDays {
  const startOf = (day: CivilDate) => `${addDays(day, -1)}T16:00:00.000Z`
  const days = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i)).map((day) => ({ day, startsAt: startOf(day) }))
  return { days, endsAt: startOf(addDays(to, 1)) }
}

/** A payer's money counts under its funding source: the union's as union funds (union_gift), the unit's, the member's. */
const sourceOf = (payer: string): FundingSource => payerFundingSource[payer as FundingPayer] ?? 'member'

const fundingOrder = (source: FundingSource | null) => (source === null ? fundingSources.length : fundingSources.indexOf(source))

/**
 * The premium and payout ledger of a range of China dates (optionally one
 * catalogue): one line per day, catalogue and funding source with some money
 * moving, and the totals. Every figure is a database aggregate:
 * - premiums received, from the payment records: each payment's amount is
 *   spread over the payers whose shares it received (union, unit, member: a
 *   split paid in parts counts each part under its payer; online: the order's
 *   payer's shares of its enrolments; otherwise the shares it received). Whatever of a payment no
 *   enrolment accounts for (none should be) stays on a line without a funding
 *   source, so the premiums always add up to the payment records;
 * - refunds WeChat Pay made, by the order's payer;
 * - claim transfers the bank made or returned, by the bank's date.
 */
export async function buildLedger(db: Db, catalogues: CatalogueStore, query: LedgerQuery): Promise<LedgerView> {
  const { from, to } = query
  checkLedgerRange(from, to)
  const catalogueId = query.catalogueId === undefined ? null : catalogueOr422(catalogues, query.catalogueId).id
  const range = ledgerDays(from, to)

  const lines = new Map<string, LedgerLine>()
  const line = (day: CivilDate, catalogue: string, source: string | null): LedgerLine => {
    const fundingSource = source as FundingSource | null
    const key = `${day}|${catalogue}|${fundingSource ?? ''}`
    let found = lines.get(key)
    if (!found) lines.set(key, (found = { day, catalogueId: catalogue, fundingSource, ...zeroFigures() }))
    return found
  }

  // Premiums: the payment records' sums, spread over funding sources.
  const unaccounted = new Map<string, { day: CivilDate; catalogueId: string; online: boolean; fen: number }>()
  for (const sum of await paymentSums(db, range, catalogueId)) {
    const online = sum.channel === 'wechat_pay'
    const key = `${sum.day}|${sum.catalogueId}|${online}`
    const entry = unaccounted.get(key) ?? { day: sum.day, catalogueId: sum.catalogueId, online, fen: 0 }
    entry.fen += sum.fen
    unaccounted.set(key, entry)
  }
  for (const online of [true, false]) {
    for (const share of await premiumShares(db, range, catalogueId, online)) {
      const target = line(share.day, share.catalogueId, sourceOf(share.payer))
      if (online) target.premiumsOnlineFen += share.fen
      else target.premiumsTransferFen += share.fen
      target.paidEnrolmentCount += share.enrolments
      const left = unaccounted.get(`${share.day}|${share.catalogueId}|${online}`)
      if (left) left.fen -= share.fen
    }
  }
  for (const left of unaccounted.values()) {
    if (left.fen === 0) continue
    const target = line(left.day, left.catalogueId, null)
    if (left.online) target.premiumsOnlineFen += left.fen
    else target.premiumsTransferFen += left.fen
  }

  for (const refund of await refundSums(db, range, catalogueId)) {
    const target = line(refund.day, refund.catalogueId, refund.payer === null ? null : sourceOf(refund.payer))
    target.refundsFen += refund.fen
    target.refundCount += refund.count
  }

  for (const claims of await claimTransferSums(db, from, to, catalogueId)) {
    const target = line(claims.day, claims.catalogueId, claims.fundingSource)
    if (claims.result === 'paid') {
      target.claimsPaidFen += claims.fen
      target.claimsPaidCount += claims.count
    } else {
      target.claimsFailedFen += claims.fen
      target.claimsFailedCount += claims.count
    }
  }

  const sorted = [...lines.values()].sort((a, b) =>
    a.day.localeCompare(b.day) || a.catalogueId.localeCompare(b.catalogueId) || fundingOrder(a.fundingSource) - fundingOrder(b.fundingSource))
  const totals = zeroFigures()
  for (const l of sorted) {
    l.netPremiumsFen = l.premiumsOnlineFen + l.premiumsTransferFen - l.refundsFen
    for (const key of Object.keys(totals) as (keyof LedgerFigures)[]) totals[key] += l[key]
  }
  return { from, to, catalogueId, lines: sorted, totals }
}
