import {
  bankStatementUi, chinaDateOf, fillTemplate, formatFen, maskName, message,
  type BankStatementImport, type BankStatementLine, type PaymentTarget,
} from '@huzhu/shared'
import type { LineOutcome, StatementOutcome } from './bank-statements.service'
import type { OpenCode } from './payment-codes.repository'

/**
 * Who a pending payment is for: a unit's roster (and when it came in), or one
 * enrolment's person (with the unit, for a new hire). `maskPerson`: the name
 * masked, for a unit admin (they see the persons they enrolled masked).
 */
export function presentTarget(target: OpenCode, maskPerson = false): PaymentTarget {
  const t = bankStatementUi.target
  const name = target.person_name === null ? '' : maskPerson ? maskName(target.person_name) : target.person_name
  const label = target.roster_id !== null
    ? fillTemplate(t.roster, { unit: target.unit_name ?? '', date: chinaDateOf(new Date(target.created_at)), count: target.enrolment_count })
    : target.unit_name !== null ? fillTemplate(t.unitEnrolment, { unit: target.unit_name, name }) : fillTemplate(t.enrolment, { name })
  return {
    code: target.code, kind: target.roster_id !== null ? 'roster' : 'enrolment', label, catalogueId: target.catalogue_id,
    enrolmentCount: target.enrolment_count, amountFen: target.amount_fen,
  }
}

const codesText = (codes: readonly string[]) => codes.join('、')

function messageOf(outcome: LineOutcome, receivedFen: number | null): string {
  switch (outcome.result) {
    case 'matched':
      return outcome.target
        ? message('bank_line_matched_by_payer', { label: presentTarget(outcome.target).label, count: outcome.payment.enrolment_count })
        : message('bank_line_matched', { count: outcome.payment.enrolment_count })
    case 'amount_differs':
      return message('bank_line_amount_differs', { codes: codesText(outcome.codes), expected: formatFen(outcome.expectedFen), received: formatFen(receivedFen ?? 0) })
    case 'unknown_reference':
      return outcome.codes.length > 0 ? message('bank_line_unknown_code', { codes: codesText(outcome.codes) }) : message('bank_line_no_code')
    case 'already_paid':
      return message('bank_line_already_paid', { reference: outcome.payment.reference })
    case 'not_payable':
      return message(outcome.why === 'plan_closed' ? 'bank_line_plan_closed' : 'bank_line_not_payable', { codes: codesText(outcome.codes) })
    case 'two_candidates':
      return message('bank_line_two_candidates', { count: outcome.candidates.length })
    case 'several_plans':
      return message('bank_line_several_plans')
    case 'not_credit':
      return message('bank_line_not_credit')
    case 'line_invalid':
      return message(outcome.problem)
  }
}

function presentLine({ line, outcome }: StatementOutcome['lines'][number]): BankStatementLine {
  const payment = outcome.result === 'matched' || outcome.result === 'already_paid' ? outcome.payment : null
  return {
    row: line.row, date: line.date, payer: line.payer, amountFen: line.amountFen, reference: line.reference,
    result: outcome.result,
    message: messageOf(outcome, line.amountFen),
    codes: 'codes' in outcome ? outcome.codes : [],
    matchedBy: outcome.result === 'matched' ? outcome.matchedBy : null,
    expectedFen: outcome.result === 'matched' || outcome.result === 'amount_differs' ? outcome.expectedFen : null,
    payment: payment ? { id: payment.id, catalogueId: payment.catalogue_id, reference: payment.reference, enrolmentCount: payment.enrolment_count } : null,
    candidates: outcome.result === 'two_candidates' ? outcome.candidates.map((c) => presentTarget(c)) : [],
  }
}

export function presentStatementImport(outcome: StatementOutcome): BankStatementImport {
  const lines = outcome.lines.map(presentLine)
  const matched = lines.filter((l) => l.result === 'matched')
  return {
    lineCount: lines.length, matchedCount: matched.length, unmatchedCount: lines.length - matched.length,
    matchedFen: matched.reduce((sum, l) => sum + (l.expectedFen ?? 0), 0), activatedCount: outcome.activatedCount, paidOn: outcome.paidOn, lines,
  }
}
