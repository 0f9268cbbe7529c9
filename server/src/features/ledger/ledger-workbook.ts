import { chinaTime, fillTemplate, fundingSourceLabels, ledgerUi, type Ledger, type LedgerFigures } from '@huzhu/shared'
import ExcelJS from 'exceljs'

const MONEY = '#,##0.00'
const cols = ledgerUi.columns

/** The figure columns after 日期, 保障计划, 保费由谁支付: header, figure, and whether it is money (fen, written in yuan). */
const figureColumns: readonly { header: string; key: keyof LedgerFigures; money: boolean }[] = [
  { header: cols.paidEnrolmentCount, key: 'paidEnrolmentCount', money: false },
  { header: cols.premiumsOnline, key: 'premiumsOnlineFen', money: true },
  { header: cols.premiumsTransfer, key: 'premiumsTransferFen', money: true },
  { header: cols.refundCount, key: 'refundCount', money: false },
  { header: cols.refunds, key: 'refundsFen', money: true },
  { header: cols.netPremiums, key: 'netPremiumsFen', money: true },
  { header: cols.claimsPaidCount, key: 'claimsPaidCount', money: false },
  { header: cols.claimsPaid, key: 'claimsPaidFen', money: true },
  { header: cols.claimsFailedCount, key: 'claimsFailedCount', money: false },
  { header: cols.claimsFailed, key: 'claimsFailedFen', money: true },
]

/** Fen as a yuan number for a cell: an integer divided by 100 is the nearest double, shown exactly with two decimals. */
const cellValue = (figures: LedgerFigures, column: (typeof figureColumns)[number]) => (column.money ? figures[column.key] / 100 : figures[column.key])

/**
 * The ledger as a workbook for the union's accounts: the sheet 收支台账 (a
 * header row, one row per day, catalogue and funding source, then 合计) with
 * amounts as numbers in yuan (so they add up in any spreadsheet) and counts as
 * numbers; and 说明: the period, the catalogue, when it was made and how days
 * are counted.
 */
export async function ledgerWorkbook(ledger: Ledger, catalogueName: string, generatedAt: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date(generatedAt)
  const sheet = workbook.addWorksheet(ledgerUi.sheet, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [
    { header: cols.day, width: 12 },
    { header: cols.catalogue, width: 26 },
    { header: cols.funding, width: 14 },
    ...figureColumns.map((c) => ({ header: c.header, width: c.money ? 16 : 12, style: c.money ? { numFmt: MONEY } : {} })),
  ]
  sheet.getRow(1).font = { bold: true }
  for (const row of ledger.rows) {
    const funding = row.fundingSource === null ? ledgerUi.fundingUnknown : fundingSourceLabels[row.fundingSource]
    sheet.addRow([row.day, row.catalogueName, funding, ...figureColumns.map((c) => cellValue(row, c))])
  }
  const totals = sheet.addRow([ledgerUi.totals, '', '', ...figureColumns.map((c) => cellValue(ledger.totals, c))])
  totals.font = { bold: true }

  const notes = workbook.addWorksheet(ledgerUi.notesSheet)
  notes.columns = [{ width: 20 }, { width: 100 }]
  notes.addRow([ledgerUi.notes.period, fillTemplate(ledgerUi.range, { from: ledger.from, to: ledger.to })])
  notes.addRow([ledgerUi.notes.catalogue, catalogueName])
  notes.addRow([ledgerUi.notes.generatedAt, chinaTime(generatedAt)])
  for (const text of [ledgerUi.notes.days, ledgerUi.notes.transfer, ledgerUi.notes.net, ledgerUi.notes.claimsFailed]) notes.addRow(['', text])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
