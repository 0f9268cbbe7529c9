import {
  planYearOf, planYearPeriod, regionLabelOf, TRANSPARENCY_CACHE_SECONDS, TRANSPARENCY_MIN_GROUP,
  type Catalogue, type TransparencyIndex, type TransparencyPlan,
} from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { medianOf, ratioBp } from '../dashboard/figures'
import { presentCaseGroup, type ShownGroup } from './transparency.presenter'
import { caseGroups, membersAndPremiums, paidHistogram, startDays, type CaseGroupRow, type PlanPeriod } from './transparency.repository'

/**
 * The public figures, each computed at most once per TRANSPARENCY_CACHE_SECONDS
 * per database (an in-process cache: a page anyone may open without login must
 * not cost an aggregate over every claim each time).
 */
interface Entry { expiresAt: number; value: Promise<unknown> }
const caches = new WeakMap<object, Map<string, Entry>>()

async function cached<T>(db: Db, clock: Clock, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  const now = clock.now().getTime()
  const hit = cache.get(key)
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>
  for (const [k, e] of cache) if (e.expiresAt <= now) cache.delete(k)
  const value = compute()
  cache.set(key, { expiresAt: now + TRANSPARENCY_CACHE_SECONDS * 1000, value })
  // A failure is not kept.
  value.catch(() => cache.delete(key))
  return value
}

export function transparencyIndex(db: Db, clock: Clock, catalogues: CatalogueStore): Promise<TransparencyIndex> {
  return cached(db, clock, 'index', async () => {
    const years = new Map<string, Set<number>>()
    for (const { catalogueId, day } of await startDays(db)) {
      const catalogue = catalogues.get(catalogueId)
      if (!catalogue) continue
      const set = years.get(catalogueId) ?? new Set<number>()
      set.add(planYearOf(catalogue, day))
      years.set(catalogueId, set)
    }
    const plans = catalogues.list().filter((c) => years.has(c.id)).flatMap((c) =>
      [...years.get(c.id)!].sort((a, b) => b - a).map((planYear) => ({ catalogueId: c.id, catalogueName: c.data.name, ...planYearPeriod(c, planYear) })))
    return { plans, generatedAt: nowIso(clock) }
  })
}

/**
 * The groups of paid cases that may be shown: a city's group when at least
 * TRANSPARENCY_MIN_GROUP people are in it; what is left of a province's group
 * once its shown cities are taken out, when at least that many people are
 * surely left (its people less those of the shown cities: a lower bound, as a
 * person may have cases in both); the rest is counted as suppressed.
 */
export function showableGroups(cities: readonly CaseGroupRow[], provinces: readonly CaseGroupRow[]): { shown: ShownGroup[]; suppressed: number } {
  const sameKey = (a: CaseGroupRow, b: CaseGroupRow) => a.kind === b.kind && a.amountBand === b.amountBand && a.ageBand === b.ageBand && a.daysBand === b.daysBand
  const shownCities = cities.filter((c) => c.people >= TRANSPARENCY_MIN_GROUP)
  const shown: ShownGroup[] = shownCities.map((c) => ({ row: c, level: c.place === null ? 'unknown' : 'city', people: c.people }))
  let suppressed = 0
  for (const province of provinces) {
    const parts = shownCities.filter((c) => sameKey(c, province) && (c.place === null ? province.place === null : province.place !== null && c.place.startsWith(province.place)))
    const cases = province.cases - parts.reduce((sum, c) => sum + c.cases, 0)
    if (cases === 0) continue
    const people = province.people - parts.reduce((sum, c) => sum + c.people, 0)
    if (province.place !== null && people >= TRANSPARENCY_MIN_GROUP) {
      shown.push({ row: { ...province, cases, people, fen: province.fen - parts.reduce((sum, c) => sum + c.fen, 0) }, level: 'province', people })
    } else {
      suppressed += cases
    }
  }
  shown.sort((a, b) => b.row.cases - a.row.cases || a.row.kind.localeCompare(b.row.kind) || a.row.amountBand - b.row.amountBand || a.row.ageBand - b.row.ageBand || (a.row.place ?? '').localeCompare(b.row.place ?? '') || a.row.daysBand - b.row.daysBand)
  return { shown, suppressed }
}

export function transparencyPlan(db: Db, clock: Clock, catalogues: CatalogueStore, catalogueId: string, planYear: number): Promise<TransparencyPlan> {
  const catalogue: Catalogue | undefined = catalogues.get(catalogueId)
  if (!catalogue) throw new AppError(404, 'transparency_plan_unknown')
  return cached(db, clock, `plan:${catalogue.id}:${planYear}`, async () => {
    const period = planYearPeriod(catalogue, planYear)
    const plan: PlanPeriod = { catalogueId: catalogue.id, start: period.start, end: period.end }
    const { members, premiumFen } = await membersAndPremiums(db, plan)
    const histogram = await paidHistogram(db, plan)
    const claimsPaid = histogram.reduce((sum, r) => sum + r.claims, 0)
    const claimsPaidFen = histogram.reduce((sum, r) => sum + r.fen, 0)
    const known = histogram.filter((r) => r.workingDays !== null).map((r) => ({ value: r.workingDays!, count: r.claims })).sort((a, b) => a.value - b.value)
    const { shown, suppressed } = showableGroups(await caseGroups(db, plan, 4), await caseGroups(db, plan, 2))
    return {
      catalogueId: catalogue.id, catalogueName: catalogue.data.name, planYear, start: period.start, end: period.end,
      membersCovered: members, premiumsFen: premiumFen, claimsPaid, claimsPaidFen, lossRatioBp: ratioBp(claimsPaidFen, premiumFen),
      medianWorkingDaysToPay: medianOf(known, known.reduce((sum, r) => sum + r.count, 0)),
      cases: shown.map((g) => presentCaseGroup(g, regionLabelOf)), suppressedCases: suppressed, generatedAt: nowIso(clock),
    }
  })
}
