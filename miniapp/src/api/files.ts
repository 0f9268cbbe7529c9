import Taro from '@tarojs/taro'
import { ApiError, apiErrorOf } from './errors'
import { getToken } from './token'

/**
 * Files over the API, which the JSON client cannot carry: H5 uses fetch with
 * the bearer token, the mini-program downloadFile. Downloads go to the person
 * as a browser download (H5) or the document viewer (WeChat).
 */
export const apiBaseUrl = process.env.TARO_APP_API_BASE ?? ''
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function authHeader(): Record<string, string> {
  const token = getToken()
  return token === null ? {} : { Authorization: `Bearer ${token}` }
}

async function failure(response: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // not JSON
  }
  return apiErrorOf(response.status, body)
}

export async function fetchH5(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response
  try {
    response = await fetch(apiBaseUrl + path, { ...init, headers: { ...authHeader(), ...(init.headers as Record<string, string> | undefined) } })
  } catch {
    throw new ApiError('network')
  }
  if (!response.ok) throw await failure(response)
  return response
}

/** `attachment; filename*=UTF-8''…` → the file name, else the fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition ? /filename\*=UTF-8''([^;]+)/i.exec(disposition) : null
  if (star?.[1]) return decodeURIComponent(star[1])
  const plain = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null
  return plain?.[1] ?? fallback
}

/** Downloads a file the API serves and hands it to the person: a browser download in H5, the document viewer in WeChat. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const response = await fetchH5(path)
    const blob = await response.blob()
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = fileNameOf(response.headers.get('Content-Disposition'), fallbackName)
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
    return
  }
  const result = await Taro.downloadFile({ url: apiBaseUrl + path, header: authHeader() }).catch(() => {
    throw new ApiError('network')
  })
  if (result.statusCode < 200 || result.statusCode >= 300) throw new ApiError('http', { status: result.statusCode })
  await Taro.openDocument({ filePath: result.tempFilePath, showMenu: true, fileType: 'xlsx' })
}

