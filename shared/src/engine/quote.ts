import type { Catalogue } from '../catalogue/catalogue'
import type { CivilDate } from '../dates/civil-date'
import type { EnrolmentMode } from '../domain'
import { coverDates, coverFromDates, type Period } from './cover-dates'
import { computePremium, type PremiumLine, type Proration } from './premium'
import { checkSelection, type SelectedProduct, type SelectionOptions } from './selection'
import type { RuleResult } from './violations'

export interface QuoteRequest {
  selection: readonly SelectedProduct[]
  mode: EnrolmentMode
  /** The day the roster or the member's own application is accepted (China date). */
  acceptedOn: CivilDate
}

export interface Quote {
  catalogueId: string
  selection: SelectedProduct[]
  mode: EnrolmentMode
  acceptedOn: CivilDate
  start: CivilDate
  end: CivilDate
  planYear: Period
  premiumFen: number
  lines: PremiumLine[]
  proration: Proration | null
  /** Per benefit category of the selection, the first day it pays (after any waiting period). */
  coverFrom: Record<string, CivilDate>
}

/**
 * Quotes a selection: checks every selection rule and the enrolment dates, then
 * gives cover start and end, the premium with its lines, and per category the
 * date cover begins after waiting. Every violation is returned at once.
 */
export function quote(catalogue: Catalogue, request: QuoteRequest, options?: SelectionOptions): RuleResult<Quote> {
  const violations = checkSelection(catalogue, request.selection, options)
  const dates = coverDates(catalogue, request.mode, request.acceptedOn)
  if (!dates.ok) violations.push(...dates.violations)
  if (violations.length > 0 || !dates.ok) return { ok: false, violations }

  const { start, end, planYear } = dates.value
  const premium = computePremium(catalogue, request.selection, start)
  return {
    ok: true,
    value: {
      catalogueId: catalogue.id,
      selection: request.selection.map((p) => ({ ...p })),
      mode: request.mode,
      acceptedOn: request.acceptedOn,
      start,
      end,
      planYear,
      premiumFen: premium.premiumFen,
      lines: premium.lines,
      proration: premium.proration,
      coverFrom: coverFromDates(catalogue, request.selection, request.mode, start),
    },
  }
}
