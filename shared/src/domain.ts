/**
 * The domain's closed vocabularies, as DOMAIN.md names them. Display names
 * live in the message catalogue (`messages/labels.ts`).
 */

/** Claim (event) kinds. */
export const eventKinds = [
  'inpatient',
  'outpatient_serious',
  'family_sickbed',
  'critical_illness',
  'accident_disability',
  'accident_death',
  'disease_death',
] as const
export type EventKind = (typeof eventKinds)[number]

/** The care types an out-of-pocket percentage applies to. */
export const careTypes = ['inpatient', 'outpatient_serious', 'family_sickbed'] as const
export type CareType = (typeof careTypes)[number]

/** Medical-insurance fund segments: pooled fund (统筹) and supplementary (附加). */
export const fundSegments = ['pooled', 'supplementary'] as const
export type FundSegment = (typeof fundSegments)[number]

export const enrolmentModes = ['collective', 'instant'] as const
export type EnrolmentMode = (typeof enrolmentModes)[number]

export const productTiers = ['basic', 'enhanced'] as const
export type ProductTier = (typeof productTiers)[number]

export const occupations = ['food_delivery', 'courier', 'ride_hailing', 'truck_driver', 'other'] as const
export type Occupation = (typeof occupations)[number]

/** Who pays a member's premium. */
export const fundingSources = ['union_gift', 'unit', 'member', 'split'] as const
export type FundingSource = (typeof fundingSources)[number]

export const sexes = ['M', 'F'] as const
export type { Sex } from './identity/id-number'
