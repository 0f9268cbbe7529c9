import { regionLabelOf, type FundingSource, type Occupation, type UnitDetail, type UnitFundingSplit, type UnitSummary } from '@huzhu/shared'
import type { UnitRow } from './units.table'

export interface UnitCounts {
  enrolled: number
  pendingPayment: number
  active: number
  premiumDueFen: number
}

export function presentUnitSummary(row: UnitRow): UnitSummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    creditCode: row.credit_code,
    regionCode: row.region_code,
    regionName: row.region_code === null ? null : regionLabelOf(row.region_code),
    industry: row.industry as Occupation | null,
    unionMemberHeadcount: row.union_member_headcount,
    catalogueId: row.catalogue_id,
    fundingSource: row.funding_source as FundingSource,
  }
}

/** The split stored beside a `split` unit; null for any other. */
export function splitOf(row: Pick<UnitRow, 'split_union_fen' | 'split_unit_fen' | 'split_member_fen'>): UnitFundingSplit | null {
  if (row.split_union_fen === null || row.split_unit_fen === null || row.split_member_fen === null) return null
  return { unionFen: Number(row.split_union_fen), unitFen: Number(row.split_unit_fen), memberFen: Number(row.split_member_fen) }
}

/** Covered ÷ union members in basis points, rounded half-up; null without a headcount (or a headcount of 0). */
export function coverageRateBp(covered: number, headcount: number | null): number | null {
  if (headcount === null || headcount === 0) return null
  return Math.floor((covered * 10_000 * 2 + headcount) / (headcount * 2))
}

export function presentUnitDetail(row: UnitRow, counts: UnitCounts, coveredMembers: number): UnitDetail {
  return {
    ...presentUnitSummary(row),
    products: JSON.parse(row.products) as string[],
    fundingSplit: splitOf(row),
    counts,
    coverage: { coveredMembers, rateBp: coverageRateBp(coveredMembers, row.union_member_headcount) },
  }
}
