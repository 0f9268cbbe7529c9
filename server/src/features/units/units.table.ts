import type { Generated, Insertable, Selectable } from 'kysely'

/**
 * A unit (参保单位): a union branch, platform company or station that enrols members as a group.
 * Its standing selection: catalogue, products (JSON array of codes) and who pays.
 */
export interface UnitsTable {
  id: string
  name: string
  created_at: string
  catalogue_id: Generated<string | null>
  products: Generated<string>
  funding_source: Generated<string>
}
export type UnitRow = Selectable<UnitsTable>
export type NewUnitRow = Insertable<UnitsTable>
