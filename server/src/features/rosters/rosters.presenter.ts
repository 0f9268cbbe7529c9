import type { Roster, RosterErrorBody } from '@huzhu/shared'
import type { RosterRow } from './rosters.table'

export interface StoredRosterError extends RosterErrorBody {
  /** The cell's address, e.g. D5, for highlighting it in the file sent back. */
  cell: string
}

export function presentRoster(row: RosterRow): Roster {
  const errors = JSON.parse(row.errors) as StoredRosterError[]
  return {
    id: row.id,
    unitId: row.unit_id,
    catalogueId: row.catalogue_id,
    fileName: row.file_name,
    status: row.status as Roster['status'],
    rowCount: row.row_count,
    validCount: row.valid_count,
    errors: errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: e.message })),
    importedCount: row.imported_count,
    premiumFen: row.premium_fen,
    createdAt: row.created_at,
    importedAt: row.imported_at,
  }
}
