import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'

/**
 * Paying approved claims through the office's bank (DOMAIN.md, "Claims"): staff
 * put approved claims into a payment batch (`POST /api/v1/claim-payments`; each
 * claim → payment_in_progress), download the bank's batch transfer file
 * (`GET .../:batchId/bank-file.xlsx`, the only place a full account number
 * appears; every download audited), pay it at the bank, and import the bank's
 * results file (`POST .../:batchId/results`): a paid line marks its claim paid
 * with the bank's date, a failed line sends it back to approved (awaiting
 * payment) with the bank's reason and asks the member to correct the account.
 */

/** The batch transfer file the bank takes (批量转账): one line per claim, in this column order. */
export const bankTransferColumns = ['收款人姓名', '收款账号', '开户行', '金额', '附言'] as const

/**
 * The bank's results file, found by column name in its first row (any order, other
 * columns ignored). Required: 附言 (holding the claim number we wrote), 收款账号
 * (in full or masked as 6222****1234), 金额 (yuan), 结果 (成功 / 失败); optional:
 * 失败原因, 日期 (the bank's date; the import's China date when left out), 银行流水号.
 */
export const bankResultColumns = {
  memo: '附言',
  account: '收款账号',
  amount: '金额',
  result: '结果',
  reason: '失败原因',
  date: '日期',
  reference: '银行流水号',
} as const
export const requiredBankResultColumns = ['memo', 'account', 'amount', 'result'] as const satisfies readonly (keyof typeof bankResultColumns)[]

export const claimPaymentBatchRequestSchema = z.object({
  claimIds: z.array(z.string().min(1).max(40)).min(1).max(1000).describe('approved claims, each with a payee account'),
})

export const claimPaymentLineResults = ['pending', 'paid', 'failed'] as const
export type ClaimPaymentLineResult = (typeof claimPaymentLineResults)[number]

export const claimPaymentBatchSchema = z.object({
  id: z.string(),
  count: z.number().int(),
  totalFen: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  pendingCount: z.number().int().describe('lines still awaiting the bank’s result'),
  paidCount: z.number().int(),
  failedCount: z.number().int(),
})
export type ClaimPaymentBatch = z.infer<typeof claimPaymentBatchSchema>

export const claimPaymentLineSchema = z.object({
  claimId: z.string(),
  personName: z.string().describe('masked'),
  bankName: z.string(),
  accountMasked: z.string(),
  amountFen: z.number().int(),
  result: z.enum(claimPaymentLineResults),
  bankReference: z.string().nullable(),
  failureReason: z.string().nullable(),
  settledOn: civilDateSchema.nullable().describe('the bank’s date of the result'),
})
export type ClaimPaymentLine = z.infer<typeof claimPaymentLineSchema>

export const claimPaymentBatchDetailSchema = claimPaymentBatchSchema.extend({ lines: z.array(claimPaymentLineSchema) })
export type ClaimPaymentBatchDetail = z.infer<typeof claimPaymentBatchDetailSchema>

export const claimPaymentBatchListSchema = z.object({
  batches: z.array(claimPaymentBatchSchema),
  nextCursor: z.string().nullable(),
})

/** A line of the results file that changed nothing, and why (its claim number and account as far as they could be read; the account masked). */
export const unmatchedBankLineSchema = z.object({
  row: z.number().int(),
  claimNumber: z.string().nullable(),
  accountMasked: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  code: z.string(),
  message: z.string(),
})
export type UnmatchedBankLine = z.infer<typeof unmatchedBankLineSchema>

export const claimPaymentResultsSchema = z.object({
  batch: claimPaymentBatchSchema,
  rowCount: z.number().int().describe('data rows in the file'),
  paid: z.array(z.object({ row: z.number().int(), claimId: z.string(), settledOn: civilDateSchema })),
  failed: z.array(z.object({ row: z.number().int(), claimId: z.string(), reason: z.string() })),
  alreadyRecorded: z.number().int().describe('lines whose result was imported before (the same file again)'),
  unmatched: z.array(unmatchedBankLineSchema).describe('every line that matched nothing or disagrees with the batch; each changed nothing'),
})
export type ClaimPaymentResults = z.infer<typeof claimPaymentResultsSchema>
