import {
  dashboardRangeProblem, DASHBOARD_MAX_DAYS, planYearPeriod, type CivilDate, type DashboardQuery,
} from '@huzhu/shared'
import type { Clock } from '../../clock'
import { todayInChina } from '../../clock'
import type { Db } from '../../db/open'
import type { AuthUser } from '../../http/context'
import { AppError } from '../../http/errors'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { catalogueOr422 } from '../enrolments/enrolments.service'
import * as claims from './claim-figures.repository'
import * as enrolments from './enrolment-figures.repository'
import type { Population } from './population'
import * as units from './units-figures.repository'

/** Who sees what: office staff and admins every unit (or the one asked for); a unit admin their own units only. */
export interface DashboardScope {
  scope: 'office' | 'unit'
  unitIds: string[] | null
}

export function dashboardScopeOf(user: AuthUser, unitId: string | undefined): DashboardScope {
  if (user.roles.has('admin') || user.roles.has('staff')) return { scope: 'office', unitIds: unitId === undefined ? null : [unitId] }
  const own = [...user.unitIds].sort()
  if (own.length === 0) throw new AppError(403, 'dashboard_no_unit')
  if (unitId === undefined) return { scope: 'unit', unitIds: own }
  if (!user.unitIds.has(unitId)) throw new AppError(403, 'dashboard_unit_not_yours')
  return { scope: 'unit', unitIds: [unitId] }
}

/** The population a query asks about (400/422 for a bad range or an unknown catalogue). */
export function populationOf(catalogues: CatalogueStore, query: DashboardQuery, scope: DashboardScope): Population {
  const { from, to } = query
  if (from !== undefined && to !== undefined) {
    const problem = dashboardRangeProblem(from, to)
    if (problem) throw new AppError(400, problem, { params: { days: DASHBOARD_MAX_DAYS }, details: [{ path: problem === 'dashboard_range_reversed' ? 'from' : 'to', code: problem }] })
  }
  const catalogue = query.catalogueId === undefined ? null : catalogueOr422(catalogues, query.catalogueId)
  const planYear = query.planYear
  const periods = planYear === undefined ? null
    : (catalogue ? [catalogue] : catalogues.list()).map((c) => ({ catalogueId: c.id, ...planYearPeriod(c, planYear) }))
  return {
    catalogueId: catalogue?.id ?? null,
    planYear: planYear ?? null,
    periods: periods?.map(({ catalogueId, start, end }) => ({ catalogueId, start, end })) ?? null,
    region: query.region ?? null,
    unitIds: scope.unitIds,
    from: from ?? null,
    to: to ?? null,
  }
}

/** The region digits the coverage is grouped by: one level below the filter (provinces without one). */
export function regionDigitsOf(region: string | null): 2 | 4 | 6 {
  if (region === null) return 2
  return Math.min(region.length + 2, 6) as 4 | 6
}

/** Every figure of the dashboard, as the database aggregates them (presented by `dashboard.presenter.ts`). */
export async function dashboardFigures(db: Db, p: Population, clock: Clock) {
  const digits = regionDigitsOf(p.region)
  const scopeUnits = { region: p.region, unitIds: p.unitIds }
  // One after the other: each is one aggregate, and SQLite's read pool is small.
  return {
    referenceDay: (p.to ?? todayInChina(clock)) as CivilDate,
    units: await units.listScopedUnits(db, scopeUnits),
    headcountTotal: await units.headcountTotal(db, scopeUnits),
    headcountsByRegion: await units.headcountsByRegion(db, scopeUnits, digits),
    headcountsByOccupation: await units.headcountsByOccupation(db, scopeUnits),
    coveredTotal: await enrolments.coveredTotal(db, p),
    coveredByRegion: await enrolments.coveredByRegion(db, p, digits),
    coveredByOccupation: await enrolments.coveredByOccupation(db, p),
    enrolmentTotal: await enrolments.enrolmentTotal(db, p),
    enrolmentsByUnit: await enrolments.enrolmentsByUnit(db, p),
    enrolmentsByDay: await enrolments.enrolmentsByDay(db, p),
    enrolmentsByEvent: await enrolments.enrolmentsByEvent(db, p),
    enrolmentsByFundingSource: await enrolments.enrolmentsByFundingSource(db, p),
    premiumsByCatalogue: await enrolments.premiumsByCatalogue(db, p),
    claimsByStatus: await claims.claimsByStatus(db, p),
    claimsByKind: await claims.claimsByKind(db, p),
    paidByWorkingDays: await claims.paidByWorkingDays(db, p),
    paidByCatalogue: await claims.paidByCatalogue(db, p),
    paidByUnit: await claims.paidByUnit(db, p),
    straightThrough: await claims.straightThroughCounts(db, p),
    enrolledPeopleByUnit: await units.enrolledPeopleByUnit(db, p),
    rosterPeopleByUnit: await units.rosterPeopleByUnit(db, p),
  }
}
export type DashboardFigures = Awaited<ReturnType<typeof dashboardFigures>>

/** Event names for the ids the figures name. */
export async function eventNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('outreach_events').select(['id', 'name']).where('id', 'in', [...ids]).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}
