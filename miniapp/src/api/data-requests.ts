import Taro from '@tarojs/taro'
import {
  dataDeletionOutlookSchema, dataDeletionResultSchema, type DataDeletionOutlook, type DataDeletionResult,
} from '@huzhu/shared'
import { api } from './api'
import { noContent, schemaDecoder } from './client'
import { ApiError, apiErrorOf } from './errors'
import { clearToken, getToken } from './token'

/**
 * 我的数据: the member's own personal-data requests. Every call acts on the
 * signed-in account; nothing names another.
 */
const baseUrl = process.env.TARO_APP_API_BASE ?? ''

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

function authHeader(): Record<string, string> {
  const token = getToken()
  return token === null ? {} : { Authorization: `Bearer ${token}` }
}

async function failureOf(response: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // not JSON
  }
  return apiErrorOf(response.status, body)
}

/**
 * Downloads my data: in a phone browser a file saved by the browser (the bytes
 * go from the answer to a blob, nothing else keeps them); in WeChat the
 * workbook opens in the document viewer, from where it can be forwarded or saved.
 */
export async function downloadMyData(format: DataExportFormat): Promise<void> {
  const path = dataExportPaths[format]
  if (process.env.TARO_ENV === 'h5') {
    let response: Response
    try {
      response = await fetch(baseUrl + path, { headers: authHeader() })
    } catch {
      throw new ApiError('network')
    }
    if (!response.ok) throw await failureOf(response)
    const blob = format === 'json' ? new Blob([await response.text()], { type: 'application/json' }) : await response.blob()
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = format === 'json' ? 'my-data.json' : 'my-data.xlsx'
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
    return
  }
  const result = await Taro.downloadFile({ url: baseUrl + path, header: authHeader() }).catch(() => {
    throw new ApiError('network')
  })
  if (result.statusCode < 200 || result.statusCode >= 300) throw new ApiError('http', { status: result.statusCode })
  await Taro.openDocument({ filePath: result.tempFilePath, showMenu: true, fileType: 'xlsx' })
}
