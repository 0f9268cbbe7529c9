import Taro from '@tarojs/taro'
import { medicalRecordImportSchema, rosterSchema, type MedicalRecordImport, type Roster } from '@huzhu/shared'
import { ApiError, apiErrorOf } from '../../api/errors'
import { getToken } from '../../api/token'
import { staffPaths } from './paths'

/**
 * Files over the API: downloads (xlsx templates, error files, exports, claim
 * photos) and the raw-bytes uploads (roster, medical-insurance records). The
 * JSON client cannot carry them: H5 uses fetch with the bearer token, the
 * mini-program downloadFile / request.
 */
const baseUrl = process.env.TARO_APP_API_BASE ?? ''
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function authHeader(): Record<string, string> {
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

async function fetchH5(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response
  try {
    response = await fetch(baseUrl + path, { ...init, headers: { ...authHeader(), ...(init.headers as Record<string, string> | undefined) } })
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
  const result = await Taro.downloadFile({ url: baseUrl + path, header: authHeader() }).catch(() => {
    throw new ApiError('network')
  })
  if (result.statusCode < 200 || result.statusCode >= 300) throw new ApiError('http', { status: result.statusCode })
  await Taro.openDocument({ filePath: result.tempFilePath, showMenu: true, fileType: 'xlsx' })
}

/** An image the API serves behind the bearer token, as something an Image can show (blob URL in H5, a temp file in WeChat). */
export async function loadProtectedImage(path: string): Promise<{ src: string; release: () => void }> {
  if (process.env.TARO_ENV === 'h5') {
    const blob = await (await fetchH5(path)).blob()
    const src = URL.createObjectURL(blob)
    return { src, release: () => URL.revokeObjectURL(src) }
  }
  const result = await Taro.downloadFile({ url: baseUrl + path, header: authHeader() }).catch(() => {
    throw new ApiError('network')
  })
  if (result.statusCode < 200 || result.statusCode >= 300) throw new ApiError('http', { status: result.statusCode })
  return { src: result.tempFilePath, release: () => undefined }
}

/** POSTs an xlsx file's bytes as the body; the JSON answer (any 2xx) or an `ApiError`. */
export async function postXlsx(path: string, bytes: ArrayBuffer): Promise<unknown> {
  if (process.env.TARO_ENV === 'h5') {
    const response = await fetchH5(path, { method: 'POST', body: bytes, headers: { 'Content-Type': XLSX_TYPE, Accept: 'application/json' } })
    return response.json()
  }
  const response = await Taro.request({
    url: baseUrl + path,
    method: 'POST',
    data: bytes,
    header: { ...authHeader(), 'Content-Type': XLSX_TYPE, Accept: 'application/json' },
    dataType: 'json',
  }).catch(() => {
    throw new ApiError('network')
  })
  if (response.statusCode < 200 || response.statusCode >= 300) throw apiErrorOf(response.statusCode, response.data)
  return response.data
}

/** `POST /api/v1/units/:unitId/rosters?catalogueId=`: the xlsx bytes as the body; every row is checked. */
export async function uploadRoster(unitId: string, catalogueId: string, bytes: ArrayBuffer, fileName?: string): Promise<Roster> {
  const parsed = rosterSchema.safeParse(await postXlsx(staffPaths.rosterUpload(unitId, catalogueId, fileName), bytes))
  if (!parsed.success) throw new ApiError('bad_response')
  return parsed.data
}

/**
 * `POST /api/v1/medical-records`: the settlement export's bytes as the body.
 * 201 imported, or 200 with every bad row and nothing imported: both are a result to show.
 */
export async function uploadMedicalRecords(bytes: ArrayBuffer): Promise<MedicalRecordImport> {
  const parsed = medicalRecordImportSchema.safeParse(await postXlsx(staffPaths.medicalRecords, bytes))
  if (!parsed.success) throw new ApiError('bad_response')
  return parsed.data
}

/** A chosen file's bytes (FileReader: older phone browsers have no Blob.arrayBuffer). */
function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(file)
  })
}

/** H5: the file picked in an `<input type="file">`, read as bytes; the input is cleared so the same file can be picked again. */
export async function takeChosenFile(input: HTMLInputElement): Promise<{ name: string; bytes: ArrayBuffer } | null> {
  const file = input.files?.[0]
  if (!file) return null
  const bytes = await readBytes(file)
  input.value = ''
  return { name: file.name, bytes }
}

/** WeChat: an xlsx file (roster, medical-insurance records) chosen from a chat, read as bytes. */
export async function chooseXlsxFileWeapp(): Promise<{ name: string; bytes: ArrayBuffer } | null> {
  const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] }).catch(() => null)
  const file = chosen?.tempFiles[0]
  if (!file) return null
  const bytes = await new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: reject,
    })
  })
  return { name: file.name, bytes }
}
