import { eventKindLabels, fundingSourceLabels, occupationLabels } from '../messages/labels'
import { dashboardUi } from '../messages/ui-dashboard'
import { ui } from '../messages/ui'
import type { Dashboard, DashboardTable } from './dashboard'

/**
 * The dashboard's tables, defined once for the staff page and the workbook:
 * each table's rows and its columns (header from `dashboardUi`, the kind of
 * figure, how a row gives it). The page writes the figures as text, the
 * workbook as numbers with a format: both read these same columns.
 */
export type DashboardCellKind = 'text' | 'count' | 'money' | 'bp' | 'months'
export type DashboardCell = string | number | null
export interface DashboardColumn<R> { header: string; kind: DashboardCellKind; value: (row: R) => DashboardCell }
export interface DashboardTableData<R = unknown> { rows: readonly R[]; columns: readonly DashboardColumn<R>[] }

const cols = dashboardUi.columns
/** A table with its row type erased once its columns are checked against it. */
const table = <R>(rows: readonly R[], columns: readonly DashboardColumn<R>[]): DashboardTableData => ({ rows, columns }) as DashboardTableData

const text = <R>(header: string, value: (row: R) => DashboardCell): DashboardColumn<R> => ({ header, kind: 'text', value })
const count = <R>(header: string, value: (row: R) => number): DashboardColumn<R> => ({ header, kind: 'count', value })
const money = <R>(header: string, value: (row: R) => number): DashboardColumn<R> => ({ header, kind: 'money', value })
const bp = <R>(header: string, value: (row: R) => number | null): DashboardColumn<R> => ({ header, kind: 'bp', value })
const months = <R>(header: string, value: (row: R) => number | null): DashboardColumn<R> => ({ header, kind: 'months', value })

type Coverage = Dashboard['coverage']['total']
const coverageColumns = <R extends Coverage>(): DashboardColumn<R>[] => [
  count(cols.enrolledMembers, (r) => r.enrolledMembers), count(cols.unionMembers, (r) => r.unionMembers),
  count(cols.enrolledMembersCounted, (r) => r.enrolledMembersCounted), bp(cols.rate, (r) => r.rateBp),
  count(cols.unitsWithoutHeadcount, (r) => r.unitsWithoutHeadcount),
]
type Counts = Dashboard['enrolments']['total']
const countColumns = <R extends Counts>(): DashboardColumn<R>[] => [
  count(cols.enrolments, (r) => r.enrolments), count(cols.members, (r) => r.members), money(cols.premium, (r) => r.premiumFen),
]
type Loss = Dashboard['lossRatio']['total']
const lossColumns = <R extends Loss>(): DashboardColumn<R>[] => [
  money(cols.premium, (r) => r.premiumFen), count(cols.paidClaims, (r) => r.paidClaims), money(cols.paid, (r) => r.claimsPaidFen), bp(cols.lossRatio, (r) => r.lossRatioBp),
]

/** Every table of the dashboard, as rows and typed columns. */
export function dashboardTableData(d: Dashboard): Record<DashboardTable, DashboardTableData> {
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
