import type { Insertable, Selectable } from 'kysely'

/** A unit (参保单位): a union branch, platform company or station that enrols members as a group. */
export interface UnitsTable {
  id: string
  name: string
  created_at: string
}
export type UnitRow = Selectable<UnitsTable>
export type NewUnitRow = Insertable<UnitsTable>
