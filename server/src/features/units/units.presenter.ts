import type { FundingSource, Unit, UnitDetail } from '@huzhu/shared'
import type { UnitRow } from './units.table'

export function presentUnit(row: Pick<UnitRow, 'id' | 'name' | 'created_at'>): Unit {
  return { id: row.id, name: row.name, createdAt: row.created_at }
}

export interface UnitCounts {
  enrolled: number
  pendingPayment: number
  active: number
  premiumDueFen: number
}

export function presentUnitDetail(row: UnitRow, counts: UnitCounts): UnitDetail {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    catalogueId: row.catalogue_id,
    products: JSON.parse(row.products) as string[],
    fundingSource: row.funding_source as FundingSource,
    counts,
  }
}
