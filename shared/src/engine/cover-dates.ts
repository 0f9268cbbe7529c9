import type { Catalogue } from '../catalogue/catalogue'
import { addDays, addMonths, type CivilDate } from '../dates/civil-date'
import type { EnrolmentMode } from '../domain'
import { enrolmentModeLabels } from '../messages'
import type { SelectedProduct } from './selection'
import { violation, type RuleResult } from './violations'

export interface Period {
  start: CivilDate
  end: CivilDate
}

export interface CoverDates extends Period {
  /** The year annual caps and once-a-year sums count in: the catalogue's plan year, or the cover's own term. */
  planYear: Period
}

/**
 * When cover starts and ends for an application accepted on `acceptedOn`:
 * collective enrolment starts on the plan year's first day and must be in before it;
 * instant enrolment starts the day after acceptance. Cover ends with the plan year,
 * or `months` after the start for a rolling term. Both ends are inclusive.
 */
export function coverDates(catalogue: Catalogue, mode: EnrolmentMode, acceptedOn: CivilDate): RuleResult<CoverDates> {
  const { term, enrolment, modes } = catalogue.data
  const rules = modes[mode]
  if (!rules) return { ok: false, violations: [violation('mode_not_offered', null, { mode: enrolmentModeLabels[mode] })] }
  if (enrolment.opensOn !== undefined && acceptedOn < enrolment.opensOn) {
    return { ok: false, violations: [violation('enrolment_not_open', null, { date: enrolment.opensOn })] }
  }
  if (enrolment.closesOn !== undefined && acceptedOn > enrolment.closesOn) {
    return { ok: false, violations: [violation('enrolment_closed', null, { date: enrolment.closesOn })] }
  }

  if (term.kind === 'plan_year') {
    const planYear = { start: term.start, end: term.end }
    if (rules.start === 'plan_year_start') {
      if (acceptedOn >= term.start) {
        return { ok: false, violations: [violation('collective_closed', null, { date: term.start })] }
      }
      return { ok: true, value: { start: term.start, end: term.end, planYear } }
    }
    if (acceptedOn < term.start) {
      return { ok: false, violations: [violation('instant_not_open', null, { date: term.start })] }
    }
    const start = addDays(acceptedOn, 1)
    if (start > term.end) return { ok: false, violations: [violation('enrolment_closed', null, { date: addDays(term.end, -1) })] }
    return { ok: true, value: { start, end: term.end, planYear } }
  }

  const start = addDays(acceptedOn, 1)
  // The day before the start's anniversary; cover from 29 February ends on 28 February.
  const end = addMonths(addDays(start, -1), term.months)
  return { ok: true, value: { start, end, planYear: { start, end } } }
}

/**
 * Per category of the selected products' benefits, the first day that category pays:
 * cover start plus the mode's waiting period. An event on that day is covered.
 */
export function coverFromDates(
  catalogue: Catalogue,
  selection: readonly SelectedProduct[],
  mode: EnrolmentMode,
  start: CivilDate,
): Record<string, CivilDate> {
  const waiting = catalogue.data.modes[mode]?.waitingDays ?? {}
  const coverFrom: Record<string, CivilDate> = {}
  // Categories mostly share a few waiting periods (none, 30 days…): each date is worked out once.
  let lastDays = 0
  let lastDate = start
  for (const item of selection) {
    const product = catalogue.products.get(item.code)
    if (!product) continue
    for (const category of product.benefitCategories) {
      if (coverFrom[category] !== undefined) continue
      const days = waiting[category] ?? 0
      if (days !== lastDays) {
        lastDays = days
        lastDate = addDays(start, days)
      }
      coverFrom[category] = lastDate
    }
  }
  return coverFrom
}
