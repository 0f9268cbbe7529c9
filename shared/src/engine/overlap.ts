import type { Catalogue } from '../catalogue/catalogue'

/** Who an enrolment came through: a unit (roster, new hire) or none (the member alone, an event). */
export interface EnrolmentChannel {
  unitId: string | null
}

/**
 * Whether a new enrolment may overlap a live one of the same person in the same
 * catalogue (DOMAIN.md "Overlap"). Only when the catalogue lets a person be
 * enrolled through two units at once (`twoUnitsAtOnce`: Shanghai) and both came
 * through units, different ones; the claim is then paid by the overlap rule
 * (`computePayout`: a basic product one share, an enhanced category the highest).
 * Anything else (Shaanxi's one share per person, the same unit twice, the member
 * on their own) is a second enrolment, refused.
 */
export function mayOverlap(catalogue: Catalogue, added: EnrolmentChannel, held: EnrolmentChannel): boolean {
  return catalogue.data.twoUnitsAtOnce && added.unitId !== null && held.unitId !== null && added.unitId !== held.unitId
}
