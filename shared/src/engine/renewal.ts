import type { Catalogue } from '../catalogue/catalogue'
import { addDays, addMonths, type CivilDate } from '../dates/civil-date'
import type { EnrolmentMode } from '../domain'
import { enrolmentModeLabels } from '../messages'
import type { Cover } from './cover'
import type { Period } from './cover-dates'
import { computePremium } from './premium'
import { quote, type Quote } from './quote'
import { checkSelection, type SelectedProduct, type SelectionOptions } from './selection'
import { violation, type RuleResult, type RuleViolation } from './violations'

/**
 * Renewal (续保, DOMAIN.md: "及时参续保、不漏保、不断保"): a cover may be renewed
 * from `renewalWindowDays` (30 unless the catalogue says otherwise) before it
 * ends. Renewed by its last day, the new cover starts the day after the old one
 * ends, and a category held without a gap waits no more than it still had to; a
 * category added at renewal waits as a new one does. Renewed after a gap, it is
 * a new enrolment: new start, new waiting periods. A catalogue that names a
 * successor renews into it (next year's plan).
 */

export const DEFAULT_RENEWAL_WINDOW_DAYS = 30

/** The cover being renewed, as the engine sees it. */
export type HeldCover = Pick<Cover, 'catalogueId' | 'selection' | 'start' | 'end' | 'coverFrom'>

/** The days on which a cover of `catalogue` ending on `end` may be renewed without a gap: from the window's first day to its last day of cover. */
export function renewalWindow(catalogue: Catalogue, end: CivilDate): Period {
  return { start: addDays(end, -(catalogue.data.renewalWindowDays ?? DEFAULT_RENEWAL_WINDOW_DAYS)), end }
}

/** Whether a cover of `catalogue` ending on `end` may be renewed on `day` without a gap. */
export function isRenewalOpen(catalogue: Catalogue, end: CivilDate, day: CivilDate): boolean {
  const window = renewalWindow(catalogue, end)
  return day >= window.start && day <= window.end
}

/**
 * The catalogue a cover of `held` renews into: the successor its catalogue
 * names (which must be loaded), else the same catalogue.
 */
export function renewalCatalogue(held: Catalogue, find: (id: string) => Catalogue | undefined): RuleResult<Catalogue> {
  const successor = held.data.successor
  if (successor === undefined) return { ok: true, value: held }
  const found = find(successor)
  if (!found) return { ok: false, violations: [violation('renewal_successor_missing', null, { catalogue: successor })] }
  return { ok: true, value: found }
}

export interface RenewalRequest {
  held: HeldCover
  /** The renewal's selection in the catalogue it renews into; the held selection when absent. */
  selection?: readonly SelectedProduct[]
  /** The mode of the new cover (a member's own renewal: instant; a unit's roster: the roster's). */
  mode: EnrolmentMode
  /** The day the renewal is accepted (for a pending one: the day it is paid). */
  acceptedOn: CivilDate
}

export interface RenewalQuote extends Quote {
  /** True when the new cover follows the held one without a gap (accepted by its last day). */
  continuous: boolean
}

/** Cover dates of a renewal starting on `start` in `into`: to the plan year's end, or a rolling term from the start. */
function continuingDates(into: Catalogue, start: CivilDate): RuleResult<{ end: CivilDate; planYear: Period }> {
  const { term } = into.data
  if (term.kind === 'plan_year') {
    if (start < term.start || start > term.end) return { ok: false, violations: [violation('renewal_no_plan', null, { date: start })] }
    return { ok: true, value: { end: term.end, planYear: { start: term.start, end: term.end } } }
  }
  const end = addMonths(addDays(start, -1), term.months)
  return { ok: true, value: { end, planYear: { start, end } } }
}

/** Whether `into` takes an enrolment in `mode` on `day` at all (its sale period and modes). */
function saleViolations(into: Catalogue, mode: EnrolmentMode, day: CivilDate): RuleViolation[] {
  const { enrolment, modes } = into.data
  if (!modes[mode]) return [violation('mode_not_offered', null, { mode: enrolmentModeLabels[mode] })]
  if (enrolment.opensOn !== undefined && day < enrolment.opensOn) return [violation('enrolment_not_open', null, { date: enrolment.opensOn })]
  if (enrolment.closesOn !== undefined && day > enrolment.closesOn) return [violation('enrolment_closed', null, { date: enrolment.closesOn })]
  return []
}

/**
 * Prices and dates the renewal of a cover of `from` into `into` (`renewalCatalogue`).
 * Before the window opens it is refused (`renewal_not_open`, naming the day it
 * opens). Accepted by the held cover's last day it is continuous: it starts the
 * day after, each category the held cover had pays from the start (or, if it was
 * still waiting, from the day its waiting ends), each category added waits the
 * mode's waiting period; the premium is `into`'s for that start. Accepted later,
 * it is a new enrolment as `quote` dates it on that day, every category waiting.
 */
export function quoteRenewal(from: Catalogue, into: Catalogue, request: RenewalRequest, options?: SelectionOptions): RuleResult<RenewalQuote> {
  const { held, mode, acceptedOn } = request
  const selection = request.selection ?? held.selection
  const window = renewalWindow(from, held.end)
  if (acceptedOn < window.start) {
    const days = from.data.renewalWindowDays ?? DEFAULT_RENEWAL_WINDOW_DAYS
    return { ok: false, violations: [violation('renewal_not_open', null, { date: window.start, days })] }
  }
  if (acceptedOn > held.end) {
    const anew = quote(into, { selection, mode, acceptedOn }, options)
    return anew.ok ? { ok: true, value: { ...anew.value, continuous: false } } : anew
  }

  const start = addDays(held.end, 1)
  const violations = [...checkSelection(into, selection, options), ...saleViolations(into, mode, acceptedOn)]
  const dates = continuingDates(into, start)
  if (!dates.ok) violations.push(...dates.violations)
  if (violations.length > 0 || !dates.ok) return { ok: false, violations }

  const waiting = into.data.modes[mode]?.waitingDays ?? {}
  const coverFrom: Record<string, CivilDate> = {}
  for (const item of selection) {
    for (const category of into.products.get(item.code)?.benefitCategories ?? []) {
      if (coverFrom[category] !== undefined) continue
      const heldFrom = held.coverFrom[category]
      coverFrom[category] = heldFrom !== undefined
        ? (heldFrom > start ? heldFrom : start)
        : addDays(start, waiting[category] ?? 0)
    }
  }
  const premium = computePremium(into, selection, start)
  return {
    ok: true,
    value: {
      catalogueId: into.id,
      selection: selection.map((p) => ({ ...p })),
      mode,
      acceptedOn,
      start,
      end: dates.value.end,
      planYear: dates.value.planYear,
      premiumFen: premium.premiumFen,
      lines: premium.lines,
      proration: premium.proration,
      coverFrom,
      continuous: true,
    },
  }
}
