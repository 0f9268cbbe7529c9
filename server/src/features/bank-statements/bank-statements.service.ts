import type { CivilDate } from '@huzhu/shared'
import { nowIso, todayInChina, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import { newId } from '../../ids'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { notifyEnrolmentHolders } from '../enrolments/enrolment-notifications'
import type { NotificationRow } from '../notifications/notifications.table'
import { datesForPaid } from '../payments/activation'
import { receiveShares } from '../payments/share-payment'
import { owedShares } from '../enrolments/enrolment-shares.repository'
import { findPaymentByReference, insertPaymentOnce } from '../payments/payments.repository'
import type { PaymentRow } from '../payments/payments.table'
import type { StatementLine } from './bank-statement-file'
import { findPaymentById, findPaymentByReferenceIn } from './bank-statements.repository'
import { paymentCodesIn } from './payment-code'
import { enrolmentsOfCode, findCodes, openCodes, type CodeEnrolment, type OpenCode } from './payment-codes.repository'

export interface StatementDeps {
  clock: Clock
  catalogues: CatalogueStore
}

type EarlierPayment = Pick<PaymentRow, 'id' | 'catalogue_id' | 'reference' | 'enrolment_count'>

/** What became of one line; only `matched` wrote anything. */
export type LineOutcome =
  | { result: 'matched'; codes: string[]; matchedBy: 'code' | 'payer'; target: OpenCode | null; expectedFen: number; payment: PaymentRow }
  | { result: 'amount_differs'; codes: string[]; expectedFen: number }
  | { result: 'unknown_reference'; codes: string[] }
  | { result: 'already_paid'; codes: string[]; payment: EarlierPayment }
  | { result: 'not_payable'; codes: string[]; why: 'cancelled' | 'plan_closed' }
  | { result: 'two_candidates'; candidates: OpenCode[] }
  | { result: 'several_plans'; codes: string[] }
  | { result: 'not_credit' }
  | { result: 'line_invalid'; problem: NonNullable<StatementLine['problem']> }

export interface StatementOutcome {
  paidOn: CivilDate
  lines: { line: StatementLine; outcome: LineOutcome }[]
  activatedCount: number
  notices: NotificationRow[]
}

/**
 * The payment's reference: the bank line's date, payer and memo, so that the
 * same line imported again is known (references are unique per catalogue) and
 * two transfers of a day are told apart by who sent them and what they wrote.
 */
export function paymentReferenceOf(line: Pick<StatementLine, 'date' | 'payer' | 'reference'>): string {
  return [line.date, line.payer, line.reference].filter((part) => part !== null && part !== '').join(' ').replace(/\s+/g, ' ').slice(0, 240)
}

/** A name as a payer's account shows it and as we hold it, compared without spaces, width or case. */
const nameKey = (name: string | null) => (name ?? '').normalize('NFKC').replace(/[\s·•.]/g, '').toLowerCase()

/** Whether a line without a code may be for this pending payment: its unit's name (or, for one enrolment, the person's) is the payer. */
function payerFits(target: OpenCode, payer: string): boolean {
  const key = nameKey(payer)
  if (key === '') return false
  return nameKey(target.unit_name) === key || (target.roster_id === null && nameKey(target.person_name) === key)
}

/**
 * Matches every line of a bank statement against pending enrolments and
 * rosters, in the caller's one transaction, line after line (so a line paying
 * what an earlier line of the same file paid is already paid):
 * - a memo with payment codes (缴费识别码) pays their pending enrolments when the
 *   amount is exactly their premiums, all of one catalogue;
 * - a memo without one pays the single pending roster or enrolment whose unit
 *   (or person) is the payer and whose premiums are the amount; two or more such
 *   are listed, none is chosen;
 * - a matched line is one `payments` row (channel `transfer`, reference = date,
 *   payer, memo: `paymentReferenceOf`), its enrolments activated with their
 *   cover dated from today, the day of the match (`activatePaid`; DOMAIN.md,
 *   "Payment and the start of cover"), and their holders told.
 * Nothing else is written; the import is audited.
 */
export async function matchBankStatement(
  db: Db, deps: StatementDeps, lines: readonly StatementLine[], staffId: string, actor: AuditActor, fileSha256: string,
): Promise<StatementOutcome> {
  const paidOn = todayInChina(deps.clock)
  const at = nowIso(deps.clock)
  const catalogueIds = deps.catalogues.list().map((c) => c.id)
  const settled = new Set<string>()
  const notices: NotificationRow[] = []
  let open: OpenCode[] | undefined
  let activatedCount = 0

  /** Pays the pending enrolments of `codes` with this line, if the amount and the plan allow. */
  async function pay(line: StatementLine, codes: string[], enrolments: CodeEnrolment[], matchedBy: 'code' | 'payer', target: OpenCode | null): Promise<LineOutcome> {
    const pending = enrolments.filter((e) => e.status === 'pending_payment')
    if (pending.length === 0) {
      const paidBy = enrolments.find((e) => e.payment_id !== null)?.payment_id
      const earlier = paidBy ? await findPaymentById(db, paidBy) : undefined
      return earlier ? { result: 'already_paid', codes, payment: earlier } : { result: 'not_payable', codes, why: 'cancelled' }
    }
    const catalogues = new Set(pending.map((e) => e.catalogue_id))
    if (catalogues.size > 1) return { result: 'several_plans', codes }
    const catalogueId = pending[0]!.catalogue_id
    // What is still owed of them: a member's share paid online leaves the rest of a split to the transfer.
    const expectedFen = (await owedShares(db, pending.map((e) => e.id), null)).reduce((sum, s) => sum + s.amount_fen, 0)
    if (line.amountFen !== expectedFen) return { result: 'amount_differs', codes, expectedFen }
    const reference = paymentReferenceOf(line)
    const earlier = await findPaymentByReference(db, catalogueId, reference)
    if (earlier) return { result: 'already_paid', codes, payment: earlier }
    // Decided before anything is written: a plan that can no longer date the cover on the paid day takes no payment.
    if ((await datesForPaid(db, deps.catalogues, pending.map((e) => e.id), paidOn)).size !== pending.length) return { result: 'not_payable', codes, why: 'plan_closed' }
    const units = new Set(pending.map((e) => e.unit_id))
    const payment: PaymentRow = {
      id: newId('pay', deps.clock.now()), catalogue_id: catalogueId, reference, amount_fen: expectedFen, payer: line.payer === '' ? null : line.payer,
      unit_id: units.size === 1 ? pending[0]!.unit_id : null, enrolment_count: pending.length, confirmed_at: at, confirmed_by: staffId, channel: 'transfer',
    }
    // The same line imported twice at once: the unique reference lets one of them pay.
    if (!(await insertPaymentOnce(db, payment))) return { result: 'already_paid', codes, payment: (await findPaymentByReference(db, catalogueId, reference))! }
    const { activated } = await receiveShares(db, deps.catalogues, pending.map((e) => e.id), null, payment.id, paidOn, at)
    // Paid otherwise in the instant since they were read (a WeChat Pay notice): nothing of this import stays; sent again, it says so.
    if (activated.length !== pending.length) throw new AppError(409, 'conflict')
    activatedCount += activated.length
    for (const code of codes) settled.add(code)
    notices.push(...(await notifyEnrolmentHolders(db, deps, { paymentId: payment.id }, 'enrolment_active')))
    return { result: 'matched', codes, matchedBy, target, expectedFen, payment }
  }

  async function enrolmentsOf(codes: readonly { enrolment_id: string | null; roster_id: string | null }[]): Promise<CodeEnrolment[]> {
    const byId = new Map<string, CodeEnrolment>()
    for (const code of codes) for (const e of await enrolmentsOfCode(db, code)) byId.set(e.id, e)
    return [...byId.values()]
  }

  async function matchLine(line: StatementLine): Promise<LineOutcome> {
    if (line.problem !== null) return { result: 'line_invalid', problem: line.problem }
    if (line.amountFen === null || line.amountFen <= 0) return { result: 'not_credit' }
    const written = paymentCodesIn(line.reference)
    if (written.length > 0) {
      const rows = await findCodes(db, written)
      const unknown = written.filter((code) => !rows.some((r) => r.code === code))
      if (unknown.length > 0) return { result: 'unknown_reference', codes: unknown }
      return pay(line, written, await enrolmentsOf(rows), 'code', null)
    }
    const earlier = await findPaymentByReferenceIn(db, catalogueIds, paymentReferenceOf(line))
    if (earlier) return { result: 'already_paid', codes: [], payment: earlier }
    open ??= await openCodes(db)
    const fits = open.filter((t) => !settled.has(t.code) && t.amount_fen === line.amountFen && payerFits(t, line.payer))
    if (fits.length > 1) return { result: 'two_candidates', candidates: fits }
    if (fits.length === 0) return { result: 'unknown_reference', codes: [] }
    const target = fits[0]!
    return pay(line, [target.code], await enrolmentsOf(await findCodes(db, [target.code])), 'payer', target)
  }

  const results: StatementOutcome['lines'] = []
  for (const line of lines) results.push({ line, outcome: await matchLine(line) })
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'create', resource: `bank_statement:${fileSha256}`, fields: ['payer', 'amount'] })
  return { paidOn, lines: results, activatedCount, notices }
}
