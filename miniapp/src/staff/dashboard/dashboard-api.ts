import { dashboardPaths, dashboardSchema, dashboardUi, type Dashboard, type DashboardQuery, type DashboardTable } from '@huzhu/shared'
import { api } from '../../api/api'
import { schemaDecoder } from '../../api/client'
import { downloadFile } from '../lib/files'
import { queryString } from '../lib/paths'

const queryOf = (q: DashboardQuery): Record<string, string | undefined> => ({
  catalogueId: q.catalogueId, planYear: q.planYear === undefined ? undefined : String(q.planYear), region: q.region, unitId: q.unitId, from: q.from, to: q.to,
})

/** `GET /api/v1/dashboard`: the office's indicators (a unit admin's own units only). */
export function fetchDashboard(query: DashboardQuery): Promise<Dashboard> {
  return api.request({ path: dashboardPaths.figures + queryString(queryOf(query)), decode: schemaDecoder(dashboardSchema) })
}

/** Every table as a workbook, or one (`table`), with the same filters (the server records the download). */
export function downloadDashboard(query: DashboardQuery, table?: DashboardTable): Promise<void> {
  const name = table ? dashboardUi.tables[table] : dashboardUi.title
  return downloadFile(dashboardPaths.workbook + queryString({ ...queryOf(query), table }), `${dashboardUi.fileName}-${name}.xlsx`)
}
