import type { BenefitKind } from '../catalogue/schema'
import type { CivilDate } from '../dates/civil-date'
import type { EventKind, Sex } from '../domain'
import type { RefusalCode } from '../messages'

/** What happened, with the figures from the medical-insurance settlement slip. */
export interface ClaimEvent {
  kind: EventKind
  date: CivilDate
  pooledOutOfPocketFen?: number
  supplementaryOutOfPocketFen?: number
  hospitalDays?: number
  deductiblePaidFen?: number
  /** Carcinoma in situ (原位癌). */
  inSitu?: boolean
  /** A female cancer (e.g. breast, cervical, ovarian), for a woman. */
  femaleCancer?: boolean
  /** 1 (most severe) … 10. */
  disabilityGrade?: number
}

/** An amount already paid, which counts against annual caps and once-a-year sums. */
export interface PriorPayout {
  catalogueId: string
  product: string
  benefit: string
  eventDate: CivilDate
  amountFen: number
}

export interface PayoutLine {
  product: string
  productName: string
  /** The benefit's id in the catalogue; null when no benefit of the product concerns the event. */
  benefit: string | null
  benefitName: string | null
  /** Fund segment (`pooled`, `supplementary`) or part of a fixed sum (`base`, `female_extra`); null otherwise. */
  part: string | null
  amountFen: number
  /** The benefit kind that computed the line, or the numbered refusal that zeroed it. */
  rule: BenefitKind | RefusalCode
  refusal: { code: RefusalCode; number: number } | null
  /** Which figures and which rule, in Chinese. */
  reason: string
}

export interface Payout {
  totalFen: number
  lines: PayoutLine[]
}

export interface PayoutContext {
  sex: Sex
  event: ClaimEvent
  /** Paid before under the same product and benefit, in the same plan year. */
  paidBeforeFen: number
  /** How many payouts the same product and benefit had in the same plan year. */
  paidBeforeCount: number
  shares: number
}
