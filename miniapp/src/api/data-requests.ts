import { endpoints, pathOf, type DataDeletionOutlook, type DataDeletionResult } from '@huzhu/shared'
import { call } from './call'
import { downloadFile } from './files'
import { clearToken } from './token'

/**
 * 我的数据: the member's own personal-data requests. Every call acts on the
 * signed-in account; nothing names another.
 */
export const dataExportPaths = { json: pathOf(endpoints.dataRequests.getMyDataExport), xlsx: pathOf(endpoints.dataRequests.getMyDataExportWorkbook) } as const
export type DataExportFormat = keyof typeof dataExportPaths

export function getDeletionOutlook(): Promise<DataDeletionOutlook> {
  return call(endpoints.dataRequests.getMyDataDeletion)
}

/** Asks for deletion. Done at once: the account is closed, so the stored session goes too. */
export async function requestDeletion(): Promise<DataDeletionResult> {
  const result = await call(endpoints.dataRequests.requestMyDataDeletion, { body: { confirm: true } })
  if (result.status === 'done') clearToken()
  return result
}

export function cancelDeletion(): Promise<void> {
  return call(endpoints.dataRequests.cancelMyDataDeletion)
}

/**
 * Downloads my data: in a phone browser a file saved by the browser (the bytes
 * go from the answer to a blob, nothing else keeps them); in WeChat the
 * workbook opens in the document viewer, from where it can be forwarded or saved.
 */
export function downloadMyData(format: DataExportFormat): Promise<void> {
  return downloadFile(dataExportPaths[format], format === 'json' ? 'my-data.json' : 'my-data.xlsx')
}
