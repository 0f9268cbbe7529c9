import { isRenewalOpen, renewalWindow, type RenewalOffer } from '@huzhu/shared'
import type { PresentDeps } from './enrolments.presenter'
import type { EnrolmentView } from './enrolments.repository'
import { memberRenewalQuote } from './renewal-quote'

/**
 * The renewal the insured person is offered on an active cover while its
 * renewal window is open today: the window, the renewal already made, and what
 * renewing today gives (`memberRenewalQuote`) or why it cannot. Null otherwise.
 */
export function renewalOfferOf(view: EnrolmentView, deps: PresentDeps): RenewalOffer | null {
  const { row } = view
  const from = deps.catalogues.get(row.catalogue_id)
  if (row.status !== 'active' || !from || !isRenewalOpen(from, row.end_on, deps.today)) return null
  const window = renewalWindow(from, row.end_on)
  const base = { opensOn: window.start, closesOn: window.end, renewalId: view.renewalId }
  const priced = memberRenewalQuote(row, deps.catalogues, deps.today)
  if (!priced) return null
  if (!priced.ok) return { ...base, offer: null, unavailable: priced.violations.map((v) => v.message).join('；') }
  const { into, quote } = priced.value
  return {
    ...base,
    offer: { catalogueId: into.id, catalogueName: into.data.name, start: quote.start, end: quote.end, premiumFen: quote.premiumFen, coverFrom: quote.coverFrom },
    unavailable: null,
  }
}
