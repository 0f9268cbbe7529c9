import ExcelJS from 'exceljs'
import { bankResultColumns, endpoints, pathOf } from '@huzhu/shared'
import { call } from './api'

/**
 * The office's bank, as the stories need it: the results file a bank sends back
 * for a batch transfer file, and a whole payment through the API (batch, bank
 * file, results) for a story that shows only the rider's side.
 */

export interface BankLine {
  /** 附言 as the bank echoes it (the bank file's own, holding the claim number). */
  memo: string
  account: string
  /** 金额 as text, e.g. `6200.00`. */
  amount: string
  result: '成功' | '失败'
  reason?: string
  date: string
  reference?: string
}

/** The bank's results file: 附言, 收款账号, 金额, 结果, 失败原因, 日期, 银行流水号. */
export async function bankResultsXlsx(lines: readonly BankLine[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('交易结果')
  const { memo, account, amount, result, reason, date, reference } = bankResultColumns
  sheet.columns = [memo, account, amount, result, reason, date, reference].map((header) => ({ header, width: 22, style: { numFmt: '@' } }))
  for (const l of lines) sheet.addRow([l.memo, l.account, l.amount, l.result, l.reason ?? '', l.date, l.reference ?? ''])
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** The bank file's rows (header first) turned into results: every line paid, unless `failed` names its claim (with the bank's reason). */
export function resultsFor(bankRows: readonly string[][], date: string, failed: Readonly<Record<string, string>> = {}): BankLine[] {
  return bankRows.slice(1).map((row, i) => {
    const claimId = /clm_\w+/.exec(row[4] ?? '')?.[0] ?? ''
    const reason = failed[claimId]
    return {
      memo: row[4]!, account: row[1]!, amount: row[3]!, date,
      ...(reason ? { result: '失败' as const, reason } : { result: '成功' as const, reference: `HX${date.replace(/-/g, '')}${String(i + 1).padStart(6, '0')}` }),
    }
  })
}

/** Staff pay claims through the bank over the API: a batch, its bank file, the bank's results (all paid unless `failed`). */
export async function payThroughBank(base: string, staffToken: string, claimIds: string[], date: string, failed: Readonly<Record<string, string>> = {}): Promise<unknown> {
  const batch = await call<{ id: string }>(base, 'POST', pathOf(endpoints.claimPayments.createClaimPaymentBatch), { token: staffToken, body: { claimIds } })
  const response = await fetch(`${base}${pathOf(endpoints.claimPayments.getClaimPaymentBankFile, { batchId: batch.id })}`, { headers: { Authorization: `Bearer ${staffToken}` } })
  if (!response.ok) throw new Error(`bank-file.xlsx → ${response.status}`)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(await response.arrayBuffer())
  const rows: string[][] = []
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return call(base, 'POST', pathOf(endpoints.claimPayments.importClaimPaymentResults, { batchId: batch.id }), {
    token: staffToken, raw: await bankResultsXlsx(resultsFor(rows, date, failed)), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })
}
