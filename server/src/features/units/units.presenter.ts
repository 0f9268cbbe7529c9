import type { Unit } from '@huzhu/shared'
import type { UnitRow } from './units.table'

export function presentUnit(row: UnitRow): Unit {
  return { id: row.id, name: row.name, createdAt: row.created_at }
}
