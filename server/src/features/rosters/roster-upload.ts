import type { SpreadsheetPurpose } from '../../files/spreadsheet-upload'
import { MAX_ROSTER_FILE_BYTES } from './schema'

/** An uploaded roster (`files/spreadsheet-upload.ts`): at most 20 MB; its refusals speak of 参保名单. */
export const rosterUpload: SpreadsheetPurpose = {
  label: 'roster',
  maxBytes: MAX_ROSTER_FILE_BYTES,
  codes: { contentType: 'roster_content_type', tooLarge: 'roster_file_too_large', invalidFile: 'roster_invalid_file' },
}
