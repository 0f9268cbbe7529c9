import type { FundingSource } from '../domain'

/** Who pays a share of a premium: the union (工会), the unit (单位), the member (个人). */
export const fundingPayers = ['union', 'unit', 'member'] as const
export type FundingPayer = (typeof fundingPayers)[number]

/** One payer's share of one member's premium, in fen. */
export interface FundingShare {
  payer: FundingPayer
  amountFen: number
}

/** What each payer gives at most towards a member's premium under a split (the unit's `fundingSplit`). */
export interface FundingContributions {
  unionFen: number
  unitFen: number
}

/**
 * What a catalogue's default split gives towards one enrolment's premium
 * (`funding` in the catalogue file; null when it declares none): the unit's
 * part only for an enrolment through a unit.
 */
export function catalogueContributions(funding: FundingContributions | undefined, throughUnit: boolean): FundingContributions | null {
  if (funding === undefined) return null
  return { unionFen: funding.unionFen, unitFen: throughUnit ? funding.unitFen : 0 }
}

/**
 * Who pays how much of one premium (DOMAIN.md, "Funding"), in the funding
 * order of Henan's notice (seed 003): the union's funds first, then the unit,
 * then the individual. A split names what the union and the unit give; each is
 * taken in that order up to what is left of the premium, and the member pays
 * the rest, so a half-year premium uses the union's and unit's shares first
 * and the shares always add up to the premium. Without a unit's split, the
 * catalogue's default split (`catalogueDefault`, see catalogueContributions)
 * is taken the same way and the enrolment's own payer (the unit or the
 * member) pays the rest; a gift is the union's alone. A hardship worker (困难职工)
 * pays nothing: the union pays what would have been theirs. Only payers with
 * something to pay are listed, in the funding order.
 */
export function fundingShares(
  premiumFen: number, source: FundingSource, split: FundingContributions | null, hardship: boolean, catalogueDefault: FundingContributions | null = null,
): FundingShare[] {
  let union = 0
  let unit = 0
  const given = source === 'split' ? split : source === 'union_gift' ? null : catalogueDefault
  if (source === 'union_gift') union = premiumFen
  else if (given !== null) {
    union = Math.min(given.unionFen, premiumFen)
    unit = Math.min(given.unitFen, premiumFen - union)
  }
  if (source === 'unit') unit = premiumFen - union
  let member = premiumFen - union - unit
  if (hardship) {
    union += member
    member = 0
  }
  const shares: FundingShare[] = [
    { payer: 'union', amountFen: union },
    { payer: 'unit', amountFen: unit },
    { payer: 'member', amountFen: member },
  ]
  const paying = shares.filter((s) => s.amountFen > 0)
  // A free premium (none should be) still has a payer, so every enrolment has at least one share.
  return paying.length > 0 ? paying : [{ payer: source === 'union_gift' ? 'union' : source === 'unit' ? 'unit' : 'member', amountFen: 0 }]
}

/** The funding source a payer's money is counted under in the ledger (收支台账). */
export const payerFundingSource: Record<FundingPayer, FundingSource> = { union: 'union_gift', unit: 'unit', member: 'member' }

/** What is still owed of an enrolment's shares: of one payer, or of all (an enrolment's `shares`). */
export function owedFen(shares: readonly { payer: FundingPayer; amountFen: number; paid: boolean }[], payer?: FundingPayer): number {
  return shares.filter((s) => !s.paid && (payer === undefined || s.payer === payer)).reduce((sum, s) => sum + s.amountFen, 0)
}
