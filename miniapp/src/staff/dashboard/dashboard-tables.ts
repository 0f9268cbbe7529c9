import {
  dashboardTableData, dashboardTables, dashboardUi, formatFen,
  type Dashboard, type DashboardCell, type DashboardCellKind, type DashboardTable,
} from '@huzhu/shared'

/**
 * The dashboard's tables as the page shows them: the workbook's sheet names
 * and column headers (`dashboardUi`), one row per figure row, each cell as
 * text: yuan with two decimals, shares as percentages with two, ages in years
 * with one. The download of a table (`table=`) is the same rows as a sheet.
 */
export type CellKind = DashboardCellKind
export interface TableView {
  name: DashboardTable
  title: string
  headers: string[]
  kinds: CellKind[]
  rows: string[][]
}

type Cell = DashboardCell

/** A figure as the page writes it (the workbook holds the same number, formatted alike). */
export function cellText(kind: CellKind, value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'string') return value
  if (kind === 'money') return formatFen(value)
  if (kind === 'bp') return `${(value / 100).toFixed(2)}%`
  if (kind === 'months') return (Math.round((value / 12) * 10) / 10).toFixed(1)
  return String(value)
}

/** Every table of the dashboard, in the workbook's order. */
export function tableViews(d: Dashboard): TableView[] {
  const tables = dashboardTableData(d)
  return dashboardTables.map((name) => {
    const { rows, columns } = tables[name]
    return {
      name, title: dashboardUi.tables[name], headers: columns.map((c) => c.header), kinds: columns.map((c) => c.kind),
      rows: rows.map((row) => columns.map((c) => cellText(c.kind, c.value(row)))),
    }
  })
}
