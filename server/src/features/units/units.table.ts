import type { Generated, Insertable, Selectable } from 'kysely'

/**
 * A unit (参保单位): a union branch, platform company or station that enrols members as a group.
 * Its profile: the unified social credit code (canonical, unique when present),
 * the GB/T 2260 region, the occupation its members work in, its union members.
 * Its standing selection: catalogue, products (JSON array of codes), who pays
 * and, for a split, each payer's share of a member's full-year premium in fen.
 */
export interface UnitsTable {
  id: string
  name: string
  created_at: string
  catalogue_id: Generated<string | null>
  products: Generated<string>
  funding_source: Generated<string>
  credit_code: Generated<string | null>
  region_code: Generated<string | null>
  industry: Generated<string | null>
  union_member_headcount: Generated<number | null>
  split_union_fen: Generated<number | null>
  split_unit_fen: Generated<number | null>
  split_member_fen: Generated<number | null>
}
export type UnitRow = Selectable<UnitsTable>
export type NewUnitRow = Insertable<UnitsTable>
