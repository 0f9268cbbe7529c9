import { eventKinds, productsFacingEvent, type Catalogue, type Cover, type Enrolment, type EventKind } from '@huzhu/shared'

/** An enrolment as the shared engine sees it (the plan year is not needed to ask which kinds it covers). */
function coverOf(enrolment: Enrolment): Cover {
  return {
    catalogueId: enrolment.catalogueId,
    selection: enrolment.products.map((p) => ({ code: p.code, shares: p.shares })),
    start: enrolment.start,
    end: enrolment.end,
    planYear: { start: enrolment.start, end: enrolment.end },
    coverFrom: enrolment.coverFrom,
  }
}

/**
 * The kinds of claim an enrolment's products have a benefit for, in the usual
 * order; every kind while its catalogue is not at hand (the server decides then).
 * Whether the event date is in cover or in a waiting period does not narrow the
 * list: the estimate explains that at the benefit concerned.
 */
export function claimKindsFor(enrolment: Enrolment | null, catalogue: Catalogue | null): readonly EventKind[] {
  if (!enrolment || !catalogue || catalogue.id !== enrolment.catalogueId) return eventKinds
  const cover = coverOf(enrolment)
  const kinds = eventKinds.filter((kind) => productsFacingEvent(catalogue, cover, enrolment.start, kind).length > 0)
  return kinds.length > 0 ? kinds : eventKinds
}
