import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'

/**
 * Transfers matched from the office's bank statement (银行流水对账), never typed
 * one by one. A payer writes a payment code (缴费识别码, `HZ` + 8 characters)
 * in the transfer's memo (附言): a pending enrolment paid on its own has one
 * (a self-enrolment, an event's, a unit's new hire, a roster row its member
 * pays), and so has a roster its unit (or the union) pays as a whole.
 *
 * `POST /api/v1/bank-statements` (staff, admins) takes the statement's xlsx
 * bytes. The header row (found among the first rows) names the columns; each
 * column is recognised by its common names (`bankStatementColumnNames`).
 */
export const bankStatementColumnNames = {
  date: ['交易日期', '日期', '记账日期', '入账日期', '交易时间', '记账时间', '到账日期', '交易日'],
  payer: ['付款人', '付款人名称', '付款人户名', '付款方', '付款户名', '付款账户名称', '对方户名', '对方账户名称', '对方户名称', '对方名称', '对方单位', '汇款人'],
  amount: ['金额', '收入金额', '贷方金额', '贷方发生额', '入账金额', '收款金额', '交易金额', '发生额', '收入', '贷方'],
  reference: ['附言/摘要', '摘要/附言', '附言', '交易附言', '汇款附言', '用途', '交易用途', '备注', '摘要', '交易摘要', '附加信息'],
} as const
export type BankStatementColumn = keyof typeof bankStatementColumnNames

/** What became of one line of the statement. Only `matched` changed anything. */
export const bankLineResults = [
  'matched', 'amount_differs', 'unknown_reference', 'already_paid', 'not_payable', 'two_candidates', 'several_plans', 'not_credit', 'line_invalid',
] as const
export type BankLineResult = (typeof bankLineResults)[number]

/** A pending payment a line could be for: a roster paid as a whole, or one enrolment. */
export const paymentTargetSchema = z.object({
  code: z.string().describe('the payment code (缴费识别码)'),
  kind: z.enum(['roster', 'enrolment']),
  label: z.string().describe('who pays what, e.g. 碑林区外卖骑手站 参保名单（2026-11-28 导入）'),
  catalogueId: z.string(),
  enrolmentCount: z.number().int().describe('pending enrolments it pays'),
  amountFen: z.number().int().describe('what it takes: the sum of their premiums'),
})
export type PaymentTarget = z.infer<typeof paymentTargetSchema>

export const bankStatementLineSchema = z.object({
  row: z.number().int().describe('as the spreadsheet shows it'),
  date: civilDateSchema.nullable().describe('交易日期; null when unreadable'),
  payer: z.string(),
  amountFen: z.number().int().nullable().describe('what came in, in fen (negative for money going out); null when unreadable'),
  reference: z.string().describe('the memo (附言/摘要) as the bank wrote it'),
  result: z.enum(bankLineResults),
  message: z.string().describe('in Chinese: what was done, or why nothing was'),
  codes: z.array(z.string()).describe('payment codes read in the memo (or, matched by payer and amount, the one found)'),
  matchedBy: z.enum(['code', 'payer']).nullable(),
  expectedFen: z.number().int().nullable().describe('what the codes take (amount_differs, matched)'),
  payment: z.object({ id: z.string(), catalogueId: z.string(), reference: z.string(), enrolmentCount: z.number().int() }).nullable()
    .describe('matched: the payment recorded; already_paid: the earlier one'),
  candidates: z.array(paymentTargetSchema).describe('two_candidates: every pending payment the payer and amount fit'),
})
export type BankStatementLine = z.infer<typeof bankStatementLineSchema>

export const bankStatementImportSchema = z.object({
  lineCount: z.number().int().describe('data lines read (blank and total lines skipped)'),
  matchedCount: z.number().int(),
  unmatchedCount: z.number().int(),
  matchedFen: z.number().int().describe('the sum of the matched lines'),
  activatedCount: z.number().int().describe('enrolments that became active'),
  paidOn: civilDateSchema.describe('the day of the match: the cover of an instant enrolment is dated from it (DOMAIN.md)'),
  lines: z.array(bankStatementLineSchema).describe('every line, in row order; all matched lines committed together'),
})
export type BankStatementImport = z.infer<typeof bankStatementImportSchema>

/** `GET /api/v1/units/:unitId/payment-codes`: what a unit has to pay by transfer, each with the code for its memo. */
export const unitPaymentCodesSchema = z.object({
  codes: z.array(paymentTargetSchema.extend({ createdAt: z.string() })).describe('pending rosters and enrolments of the unit, newest first'),
})
export type UnitPaymentCodes = z.infer<typeof unitPaymentCodesSchema>
