import { dashboardUi, endpoints, pathOf, type Dashboard, type DashboardQuery, type DashboardTable } from '@huzhu/shared'
import { call } from '../../api/call'
import { downloadFile } from '../lib/files'

const queryOf = (q: DashboardQuery): Record<string, string | undefined> => ({
  catalogueId: q.catalogueId, planYear: q.planYear === undefined ? undefined : String(q.planYear), region: q.region, unitId: q.unitId, from: q.from, to: q.to,
})

/** `GET` the dashboard: the office's indicators (a unit admin's own units only). */
export function fetchDashboard(query: DashboardQuery): Promise<Dashboard> {
  return call(endpoints.dashboard.getDashboard, { query: queryOf(query) })
}

/** Every table as a workbook, or one (`table`), with the same filters (the server records the download). */
export function downloadDashboard(query: DashboardQuery, table?: DashboardTable): Promise<void> {
  const name = table ? dashboardUi.tables[table] : dashboardUi.title
  return downloadFile(pathOf(endpoints.dashboard.getDashboardWorkbook, {}, { ...queryOf(query), table }), `${dashboardUi.fileName}-${name}.xlsx`)
}
