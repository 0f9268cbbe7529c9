import {
  chinaTime, dashboardTableData, dashboardTables, dashboardUi,
  type Dashboard, type DashboardCell, type DashboardCellKind, type DashboardTable,
} from '@huzhu/shared'
import ExcelJS from 'exceljs'

type Kind = DashboardCellKind
type Cell = DashboardCell

const FORMATS: Record<Kind, string | undefined> = { text: undefined, count: '0', money: '#,##0.00', bp: '0.00%', months: '0.0' }

/** A figure as a cell: fen as yuan, basis points as a fraction (shown as a percentage), months as years. */
function cellOf(kind: Kind, value: Cell): Cell {
  if (value === null || typeof value === 'string') return value
  if (kind === 'money') return value / 100
  if (kind === 'bp') return value / 10_000
  if (kind === 'months') return Math.round((value / 12) * 10) / 10
  return value
}

/**
 * The dashboard as a workbook: one sheet per table asked for (all, or one),
 * numbers as numbers (yuan, fractions formatted as percentages), then 说明:
 * the filters, when it was made and how figures are counted.
 */
export async function dashboardWorkbook(d: Dashboard, only: DashboardTable | undefined, filterText: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date(d.generatedAt)
  const tables = dashboardTableData(d)
  for (const name of only ? [only] : dashboardTables) {
    const table = tables[name]
    const sheet = workbook.addWorksheet(dashboardUi.tables[name], { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.kind === 'text' ? 24 : 16, style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {} }))
    sheet.getRow(1).font = { bold: true }
    for (const row of table.rows) sheet.addRow(table.columns.map((c) => cellOf(c.kind, c.value(row))))
  }
  const notes = workbook.addWorksheet(dashboardUi.notesSheet)
  notes.columns = [{ width: 20 }, { width: 100 }]
  notes.addRow([dashboardUi.notes.filters, filterText])
  notes.addRow([dashboardUi.notes.generatedAt, chinaTime(d.generatedAt)])
  notes.addRow(['', dashboardUi.notes.populations])
  notes.addRow(['', dashboardUi.notes.daysToPay])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
