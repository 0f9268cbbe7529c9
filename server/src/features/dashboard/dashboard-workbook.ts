import {
  chinaTime, dashboardTables, dashboardUi, eventKindLabels, fundingSourceLabels, occupationLabels, ui,
  type Dashboard, type DashboardTable,
} from '@huzhu/shared'
import ExcelJS from 'exceljs'

const cols = dashboardUi.columns
type Cell = string | number | null
type Kind = 'text' | 'count' | 'money' | 'bp' | 'months'
interface Column<R> { header: string; kind: Kind; value: (row: R) => Cell }
interface Table<R> { rows: readonly R[]; columns: readonly Column<R>[] }
/** A table with its row type erased once its columns are checked against it. */
const table = <R>(rows: readonly R[], columns: readonly Column<R>[]): Table<unknown> => ({ rows, columns }) as Table<unknown>

const text = <R>(header: string, value: (row: R) => Cell): Column<R> => ({ header, kind: 'text', value })
const count = <R>(header: string, value: (row: R) => number): Column<R> => ({ header, kind: 'count', value })
const money = <R>(header: string, value: (row: R) => number): Column<R> => ({ header, kind: 'money', value })
const bp = <R>(header: string, value: (row: R) => number | null): Column<R> => ({ header, kind: 'bp', value })
const months = <R>(header: string, value: (row: R) => number | null): Column<R> => ({ header, kind: 'months', value })

type Coverage = Dashboard['coverage']['total']
const coverageColumns = <R extends Coverage>(): Column<R>[] => [
  count(cols.enrolledMembers, (r) => r.enrolledMembers), count(cols.unionMembers, (r) => r.unionMembers),
  count(cols.enrolledMembersCounted, (r) => r.enrolledMembersCounted), bp(cols.rate, (r) => r.rateBp),
  count(cols.unitsWithoutHeadcount, (r) => r.unitsWithoutHeadcount),
]
type Counts = Dashboard['enrolments']['total']
const countColumns = <R extends Counts>(): Column<R>[] => [
  count(cols.enrolments, (r) => r.enrolments), count(cols.members, (r) => r.members), money(cols.premium, (r) => r.premiumFen),
]
type Loss = Dashboard['lossRatio']['total']
const lossColumns = <R extends Loss>(): Column<R>[] => [
  money(cols.premium, (r) => r.premiumFen), count(cols.paidClaims, (r) => r.paidClaims), money(cols.paid, (r) => r.claimsPaidFen), bp(cols.lossRatio, (r) => r.lossRatioBp),
]

/** Every table of the dashboard, as rows and typed columns. */
function tablesOf(d: Dashboard): Record<DashboardTable, Table<unknown>> {
  return {
    coverageByRegion: table(d.coverage.byRegion, [text(cols.region, (r) => r.regionName ?? dashboardUi.noRegion), text(cols.regionCode, (r) => r.regionCode), ...coverageColumns()]),
    coverageByUnit: table(d.coverage.byUnit, [text(cols.unit, (r) => r.unitName ?? dashboardUi.notUnit), text(cols.regionCode, (r) => r.regionCode), text(cols.occupation, (r) => (r.industry ? occupationLabels[r.industry] : null)), ...coverageColumns()]),
    coverageByOccupation: table(d.coverage.byOccupation, [text(cols.occupation, (r) => (r.occupation ? occupationLabels[r.occupation] : dashboardUi.noOccupation)), ...coverageColumns()]),
    enrolmentsByDay: table(d.enrolments.byDay, [text(cols.day, (r) => r.day), ...countColumns()]),
    enrolmentsByEvent: table(d.enrolments.byEvent, [text(cols.event, (r) => r.eventName ?? dashboardUi.notEvent), ...countColumns()]),
    enrolmentsByFundingSource: table(d.enrolments.byFundingSource, [text(cols.fundingSource, (r) => fundingSourceLabels[r.fundingSource]), ...countColumns()]),
    premiumsByFundingSource: table(d.premiums.byFundingSource, [text(cols.fundingSource, (r) => fundingSourceLabels[r.fundingSource]), count(cols.enrolments, (r) => r.enrolments), money(cols.premium, (r) => r.premiumFen)]),
    claimsByStatus: table(d.claims.byStatus, [text(cols.status, (r) => ui.claimStatus[r.status]), count(cols.claims, (r) => r.claims), money(cols.estimate, (r) => r.estimateFen), money(cols.approved, (r) => r.approvedFen)]),
    claimsByKind: table(d.claims.byKind, [text(cols.kind, (r) => eventKindLabels[r.kind]), count(cols.claims, (r) => r.claims), count(cols.paidClaims, (r) => r.paidClaims), money(cols.paid, (r) => r.paidFen)]),
    daysToPay: table(d.daysToPay.histogram, [count(cols.workingDays, (r) => r.workingDays), count(cols.claims, (r) => r.claims)]),
    lossRatioByCatalogue: table(d.lossRatio.byCatalogue, [text(cols.catalogue, (r) => r.catalogueName), ...lossColumns()]),
    lossRatioByUnit: table(d.lossRatio.byUnit, [text(cols.unit, (r) => r.unitName ?? dashboardUi.notUnit), ...lossColumns()]),
    adverseSelection: table(d.adverseSelection.units, [
      text(cols.unit, (r) => r.unitName), text(cols.flags, (r) => r.flags.map((f) => dashboardUi.flags[f]).join('；')),
      count(cols.enrolledMembers, (r) => r.enrolledMembers), text(cols.unionMembers, (r) => r.unionMembers), bp(cols.rate, (r) => r.rateBp),
      count(cols.rosterMembers, (r) => r.rosterMembers), months(cols.enrolledAge, (r) => r.enrolledAverageAgeMonths), months(cols.rosterAge, (r) => r.rosterAverageAgeMonths),
      bp(cols.lossRatio, (r) => r.lossRatioBp),
    ]),
  }
}

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
  const tables = tablesOf(d)
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
