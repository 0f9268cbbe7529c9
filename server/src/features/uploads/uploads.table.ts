import type { Insertable, Selectable } from 'kysely'

/**
 * An uploaded photo or PDF (理赔材料), owned by its uploader. The bytes live in
 * the blob store under `uploads/ab/cd/<sha256>`; the same bytes uploaded twice are
 * two rows sharing one file. `media_type` comes from the bytes, never from the name.
 */
export interface UploadsTable {
  id: string
  owner_user_id: string
  sha256: string
  media_type: string
  size: number
  width: number | null
  height: number | null
  created_at: string
}
export type UploadRow = Selectable<UploadsTable>
export type NewUploadRow = Insertable<UploadsTable>
