import {
  dashboardTables, dashboardUi, eventKindLabels, formatFen, fundingSourceLabels, occupationLabels, ui,
  type Dashboard, type DashboardTable,
} from '@huzhu/shared'

/**
 * The dashboard's tables as the page shows them: the workbook's sheet names
 * and column headers (`dashboardUi`), one row per figure row, each cell as
 * text: yuan with two decimals, shares as percentages with two, ages in years
 * with one. The download of a table (`table=`) is the same rows as a sheet.
 */
export type CellKind = 'text' | 'count' | 'money' | 'bp' | 'months'
export interface TableView {
  name: DashboardTable
  title: string
  headers: string[]
  kinds: CellKind[]
  rows: string[][]
}

type Cell = string | number | null
interface Column<R> { header: string; kind: CellKind; value: (row: R) => Cell }

const cols = dashboardUi.columns

/** A figure as the page writes it (the workbook holds the same number, formatted alike). */
export function cellText(kind: CellKind, value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'string') return value
  if (kind === 'money') return formatFen(value)
  if (kind === 'bp') return `${(value / 100).toFixed(2)}%`
  if (kind === 'months') return (Math.round((value / 12) * 10) / 10).toFixed(1)
  return String(value)
}

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

function view<R>(name: DashboardTable, rows: readonly R[], columns: readonly Column<R>[]): TableView {
  return {
    name, title: dashboardUi.tables[name], headers: columns.map((c) => c.header), kinds: columns.map((c) => c.kind),
    rows: rows.map((row) => columns.map((c) => cellText(c.kind, c.value(row)))),
  }
}

/** Every table of the dashboard, in the workbook's order. */
export function tableViews(d: Dashboard): TableView[] {
  const views: Record<DashboardTable, TableView> = {
    coverageByRegion: view('coverageByRegion', d.coverage.byRegion, [text(cols.region, (r) => r.regionName ?? dashboardUi.noRegion), text(cols.regionCode, (r) => r.regionCode), ...coverageColumns()]),
    coverageByUnit: view('coverageByUnit', d.coverage.byUnit, [
      text(cols.unit, (r) => r.unitName ?? dashboardUi.notUnit), text(cols.regionCode, (r) => r.regionCode),
      text(cols.occupation, (r) => (r.industry ? occupationLabels[r.industry] : null)), ...coverageColumns(),
    ]),
    coverageByOccupation: view('coverageByOccupation', d.coverage.byOccupation, [text(cols.occupation, (r) => (r.occupation ? occupationLabels[r.occupation] : dashboardUi.noOccupation)), ...coverageColumns()]),
    enrolmentsByDay: view('enrolmentsByDay', d.enrolments.byDay, [text(cols.day, (r) => r.day), ...countColumns()]),
    enrolmentsByEvent: view('enrolmentsByEvent', d.enrolments.byEvent, [text(cols.event, (r) => r.eventName ?? dashboardUi.notEvent), ...countColumns()]),
    enrolmentsByFundingSource: view('enrolmentsByFundingSource', d.enrolments.byFundingSource, [text(cols.fundingSource, (r) => fundingSourceLabels[r.fundingSource]), ...countColumns()]),
    premiumsByFundingSource: view('premiumsByFundingSource', d.premiums.byFundingSource, [
      text(cols.fundingSource, (r) => fundingSourceLabels[r.fundingSource]), count(cols.enrolments, (r) => r.enrolments), money(cols.premium, (r) => r.premiumFen),
    ]),
    claimsByStatus: view('claimsByStatus', d.claims.byStatus, [
      text(cols.status, (r) => ui.claimStatus[r.status]), count(cols.claims, (r) => r.claims), money(cols.estimate, (r) => r.estimateFen), money(cols.approved, (r) => r.approvedFen),
    ]),
    claimsByKind: view('claimsByKind', d.claims.byKind, [
      text(cols.kind, (r) => eventKindLabels[r.kind]), count(cols.claims, (r) => r.claims), count(cols.paidClaims, (r) => r.paidClaims), money(cols.paid, (r) => r.paidFen),
    ]),
    daysToPay: view('daysToPay', d.daysToPay.histogram, [count(cols.workingDays, (r) => r.workingDays), count(cols.claims, (r) => r.claims)]),
    lossRatioByCatalogue: view('lossRatioByCatalogue', d.lossRatio.byCatalogue, [text(cols.catalogue, (r) => r.catalogueName), ...lossColumns()]),
    lossRatioByUnit: view('lossRatioByUnit', d.lossRatio.byUnit, [text(cols.unit, (r) => r.unitName ?? dashboardUi.notUnit), ...lossColumns()]),
    adverseSelection: view('adverseSelection', d.adverseSelection.units, [
      text(cols.unit, (r) => r.unitName), text(cols.flags, (r) => r.flags.map((f) => dashboardUi.flags[f]).join('；')),
      count(cols.enrolledMembers, (r) => r.enrolledMembers), text(cols.unionMembers, (r) => (r.unionMembers === null ? null : String(r.unionMembers))), bp(cols.rate, (r) => r.rateBp),
      count(cols.rosterMembers, (r) => r.rosterMembers), months(cols.enrolledAge, (r) => r.enrolledAverageAgeMonths), months(cols.rosterAge, (r) => r.rosterAverageAgeMonths),
      bp(cols.lossRatio, (r) => r.lossRatioBp),
    ]),
  }
  return dashboardTables.map((name) => views[name])
}
