import type { Insertable, Selectable } from 'kysely'

/**
 * An uploaded roster (参保名单): the file is kept in the blob store as `rosters/<id>.xlsx` (`roster-files.ts`);
 * `errors` is the JSON array of every error found when it was checked.
 */
export interface RostersTable {
  id: string
  unit_id: string
  catalogue_id: string
  file_name: string | null
  file_sha256: string
  mode: string
  accepted_on: string
  status: string
  row_count: number
  valid_count: number
  errors: string
  imported_count: number | null
  premium_fen: number | null
  created_by: string
  created_at: string
  imported_at: string | null
  /** When its files (xlsx, staged rows) were queued for deletion: imported, or never imported in time (`roster-retention.ts`). */
  files_deleted_at: string | null
}
export type RosterRow = Selectable<RostersTable>
export type NewRosterRow = Insertable<RostersTable>
