import { bankTransferColumns } from '@huzhu/shared'
import ExcelJS from 'exceljs'

/** One transfer in the bank's batch file: the account in full. */
export interface BankTransfer {
  holderName: string
  accountNumber: string
  bankName: string
  amountFen: number
  claimId: string
}

/** `620000` → `6200.00`: yuan with two decimals, from fen without floating point. */
export function yuanText(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/** The 附言 of a claim's transfer: what the member's bank statement shows, and what the bank's results give back. */
export const transferMemo = (claimId: string) => `互助理赔 ${claimId}`

/**
 * The batch transfer file (批量转账) for the office's bank: 收款人姓名, 收款账号,
 * 开户行, 金额, 附言, one row per transfer and nothing else. Every cell is text
 * (format `@`): an account number as a number would lose its last digits, and
 * the amount keeps its two decimals whatever reads it.
 */
export async function bankTransferWorkbook(createdAt: string, transfers: readonly BankTransfer[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date(createdAt)
  const sheet = workbook.addWorksheet('批量转账')
  const widths = [12, 26, 30, 14, 40]
  sheet.columns = bankTransferColumns.map((header, i) => ({ header, width: widths[i], style: { numFmt: '@' } }))
  sheet.getRow(1).font = { bold: true }
  for (const t of transfers) sheet.addRow([t.holderName, t.accountNumber, t.bankName, yuanText(t.amountFen), transferMemo(t.claimId)])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
