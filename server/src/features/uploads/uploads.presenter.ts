import type { Upload } from '@huzhu/shared'
import type { UploadMediaType } from './upload-files'
import type { UploadRow } from './uploads.table'

export function presentUpload(row: UploadRow): Upload {
  return {
    id: row.id,
    mediaType: row.media_type as UploadMediaType,
    size: row.size,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    createdAt: row.created_at,
  }
}
