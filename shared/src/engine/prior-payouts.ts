import type { Period } from './cover-dates'
import type { PriorPayout } from './payout-types'

export interface BenefitPayoutsKey {
  catalogueId: string
  product: string
  benefit: string
}

export function benefitPayoutsKey(catalogueId: string, product: string, benefit: string): BenefitPayoutsKey {
  return { catalogueId, product, benefit }
}

/** What was paid earlier under one product and benefit, for events in the given plan year. */
export function sumPriorPayouts(
  prior: readonly PriorPayout[] | undefined,
  key: BenefitPayoutsKey,
  planYear: Period,
): { amountFen: number; count: number } {
  let amountFen = 0
  let count = 0
  if (!prior) return { amountFen, count }
  for (const p of prior) {
    if (
      p.catalogueId === key.catalogueId && p.product === key.product && p.benefit === key.benefit &&
      p.eventDate >= planYear.start && p.eventDate <= planYear.end && p.amountFen > 0
    ) {
      amountFen += p.amountFen
      count++
    }
  }
  return { amountFen, count }
}
