import type { Catalogue } from '../catalogue/catalogue'
import type { FundingSource } from '../domain'
import { computePremium } from '../engine/premium'
import { toSelection } from '../engine/selection'
import { formatFen } from '../money/fen'
import type { UnitFundingSplit } from '../api/units'

/** A cover start before every proration step of any catalogue: the premium of a whole plan year. */
const BEFORE_ANY_PRORATION = '0001-01-01'

/** One member's full-year premium for a unit's standing selection (bundle discounts applied, no proration). */
export function unitAnnualPremiumFen(catalogue: Catalogue, products: readonly string[]): number {
  return computePremium(catalogue, toSelection(products), BEFORE_ANY_PRORATION).premiumFen
}

export type UnitFundingCode =
  | 'unit_split_required'
  | 'unit_split_not_split'
  | 'unit_split_needs_selection'
  | 'unit_split_single_payer'
  | 'unit_split_total_mismatch'

export interface UnitFundingProblem {
  code: UnitFundingCode
  params?: Record<string, string | number>
}

/**
 * Who pays a unit's members (DOMAIN.md, "Funding"): a split names each payer's
 * share in fen and adds up to the premium, here the full-year premium of the
 * unit's standing selection; at least two payers share it (one payer is that
 * payer, not a split). Any other source carries no split. Null when it holds.
 * The form and the server check alike.
 */
export function checkUnitFunding(
  catalogue: Catalogue | null, products: readonly string[], fundingSource: FundingSource, split: UnitFundingSplit | null,
): UnitFundingProblem | null {
  if (fundingSource !== 'split') return split === null ? null : { code: 'unit_split_not_split' }
  if (split === null) return { code: 'unit_split_required' }
  if (catalogue === null || products.length === 0) return { code: 'unit_split_needs_selection' }
  const shares = [split.unionFen, split.unitFen, split.memberFen]
  if (shares.filter((fen) => fen > 0).length < 2) return { code: 'unit_split_single_payer' }
  const total = shares.reduce((sum, fen) => sum + fen, 0)
  const premium = unitAnnualPremiumFen(catalogue, products)
  if (total !== premium) return { code: 'unit_split_total_mismatch', params: { total: formatFen(total), premium: formatFen(premium) } }
  return null
}
