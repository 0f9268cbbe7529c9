import { type DashboardQuery, dashboardUi, endpoints, type Role } from '@huzhu/shared'
import { nowIso } from '../../clock'
import type { AppContext } from '../../http/context'
import { sendXlsx, xlsxResponse } from '../../http/file-response'
import { defineRoute, type HandlerContext } from '../../http/route'
import { currentUser } from '../accounts/access'
import { auditActorOf, recordAudit } from '../audit/audit.service'
import { dashboardWorkbook } from './dashboard-workbook'
import { presentDashboard } from './dashboard.presenter'
import { dashboardFigures, dashboardScopeOf, eventNames, populationOf } from './dashboard.service'

const tags = ['dashboard']
/** Office staff and admins see every unit; a unit admin only their own (checked in the handler, by their grants). */
const viewers: readonly Role[] = ['staff', 'admin', 'unit_admin']

async function buildDashboard(ctx: HandlerContext<unknown> & Pick<AppContext, 'state'>, query: DashboardQuery) {
  const { deps } = ctx
  const scope = dashboardScopeOf(currentUser(ctx), query.unitId)
  const population = populationOf(deps.catalogues, query, scope)
  const figures = await dashboardFigures(deps.readDb, population, deps.clock)
  const events = await eventNames(deps.readDb, figures.enrolmentsByEvent.flatMap((r) => (r.eventId === null ? [] : [r.eventId])))
  return presentDashboard(figures, population, scope, deps.catalogues, events, nowIso(deps.clock))
}

export const getDashboard = defineRoute({
  endpoint: endpoints.dashboard.getDashboard, tags, access: { roles: viewers },
  summary: 'The office\'s indicators for a catalogue, plan year, region (GB/T 2260 prefix), unit and range of days: coverage by region, unit and occupation; enrolments by day, event and funding source; premiums by funding source; claims by status and kind; days to pay; loss ratio by catalogue and unit; straight-through approvals; adverse-selection signals per unit. A unit admin sees their own units only (403 `dashboard_unit_not_yours` for another; 400 `dashboard_range_reversed` / `dashboard_range_too_long`)',
  responses: { 200: { description: 'The indicators' } },
  errors: [422],
  async handler(ctx) {
    ctx.body = await buildDashboard(ctx, ctx.input.query)
  },
})

export const getDashboardWorkbook = defineRoute({
  endpoint: endpoints.dashboard.getDashboardWorkbook, tags, access: { roles: viewers },
  summary: 'The same indicators as an xlsx workbook: every table a sheet (or the one `table` names), amounts in yuan, shares as percentages, then 说明. Every download is audited',
  responses: { 200: xlsxResponse('The indicators workbook') },
  errors: [422],
  async handler(ctx) {
    const { deps } = ctx
    const { table, ...query } = ctx.input.query
    const dashboard = await buildDashboard(ctx, query)
    const filters = dashboard.filters
    const filterText = [
      filters.catalogueId ?? dashboardUi.notes.all, filters.planYear ?? '', filters.region ?? '', (filters.unitIds ?? []).join(','), `${filters.from ?? ''}..${filters.to ?? ''}`,
    ].join(' / ')
    const workbook = await dashboardWorkbook(dashboard, table, filterText)
    await deps.db.transaction().execute((trx) => recordAudit(trx, deps.clock, auditActorOf(ctx), {
      subjectUserId: null, action: 'export', resource: `dashboard:${table ?? 'all'}:${filters.catalogueId ?? 'all'}:${(filters.unitIds ?? ['all']).join(',')}`, fields: ['amount'],
    }))
    const day = nowIso(deps.clock).slice(0, 10)
    sendXlsx(ctx, workbook, `${dashboardUi.fileName}-${table ? dashboardUi.tables[table] : day}.xlsx`, `dashboard-${table ?? 'all'}-${day}.xlsx`)
  },
})

export const dashboardRoutes = [getDashboard, getDashboardWorkbook]
