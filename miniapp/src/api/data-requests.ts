import {
  dataDeletionOutlookSchema, dataDeletionResultSchema, type DataDeletionOutlook, type DataDeletionResult,
} from '@huzhu/shared'
import { api } from './api'
import { noContent, schemaDecoder } from './client'
import { downloadFile } from './files'
import { clearToken } from './token'

/**
 * 我的数据: the member's own personal-data requests. Every call acts on the
 * signed-in account; nothing names another.
 */
export const dataExportPaths = { json: '/api/v1/me/data-export', xlsx: '/api/v1/me/data-export.xlsx' } as const
export type DataExportFormat = keyof typeof dataExportPaths

export function getDeletionOutlook(): Promise<DataDeletionOutlook> {
  return api.request({ path: '/api/v1/me/data-deletion', decode: schemaDecoder(dataDeletionOutlookSchema) })
}

/** Asks for deletion. Done at once: the account is closed, so the stored session goes too. */
export async function requestDeletion(): Promise<DataDeletionResult> {
  const result = await api.request({ method: 'POST', path: '/api/v1/me/data-deletion', body: { confirm: true }, decode: schemaDecoder(dataDeletionResultSchema) })
  if (result.status === 'done') clearToken()
  return result
}

export function cancelDeletion(): Promise<void> {
  return api.request({ method: 'DELETE', path: '/api/v1/me/data-deletion', decode: noContent })
}

/**
 * Downloads my data: in a phone browser a file saved by the browser (the bytes
 * go from the answer to a blob, nothing else keeps them); in WeChat the
 * workbook opens in the document viewer, from where it can be forwarded or saved.
 */
export function downloadMyData(format: DataExportFormat): Promise<void> {
  return downloadFile(dataExportPaths[format], format === 'json' ? 'my-data.json' : 'my-data.xlsx')
}
