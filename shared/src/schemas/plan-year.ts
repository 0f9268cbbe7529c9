import type { CatalogueData } from '../catalogue/schema'
import { addDays, type CivilDate } from '../dates/civil-date'

/**
 * The plan year (保障年度) an enrolment belongs to, for the indicators: the year
 * its cover starts in. A catalogue with a plan-year term (Shanghai: 1 April to
 * 31 March) counts its years from the term's first month and day (plan year
 * 2020 is 2020-04-01..2021-03-31); a rolling term (Shaanxi: one year from the
 * start date) counts calendar years.
 */
export interface PlanYearPeriod {
  planYear: number
  start: CivilDate
  end: CivilDate
}

function monthDayOfStart(catalogue: { readonly data: Pick<CatalogueData, 'term'> }): string {
  return catalogue.data.term.kind === 'plan_year' ? catalogue.data.term.start.slice(5) : '01-01'
}

const pad4 = (year: number) => String(year).padStart(4, '0')

/** The first and last day of a catalogue's plan year `planYear`. */
export function planYearPeriod(catalogue: { readonly data: Pick<CatalogueData, 'term'> }, planYear: number): PlanYearPeriod {
  const monthDay = monthDayOfStart(catalogue)
  const start = `${pad4(planYear)}-${monthDay}` as CivilDate
  // 29 February as a start would not exist every year; no catalogue starts there, and March 1 stands in.
  const next = `${pad4(planYear + 1)}-${monthDay}` as CivilDate
  return { planYear, start, end: addDays(next, -1) }
}

/** The plan year of a catalogue a day falls in. */
export function planYearOf(catalogue: { readonly data: Pick<CatalogueData, 'term'> }, day: CivilDate): number {
  const year = Number(day.slice(0, 4))
  return day.slice(5) >= monthDayOfStart(catalogue) ? year : year - 1
}
