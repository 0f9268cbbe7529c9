import Taro from '@tarojs/taro'
import { medicalRecordImportSchema, rosterSchema, type MedicalRecordImport, type Roster } from '@huzhu/shared'
import { apiBaseUrl as baseUrl, authHeader, fetchH5, XLSX_TYPE } from '../../api/files'
import { ApiError, apiErrorOf } from '../../api/errors'
import { staffPaths } from './paths'

/**
 * Staff files over the API: protected images (claim photos) and the raw-bytes
 * uploads (roster, medical-insurance records), on `api/files.ts`'s fetch with
 * the bearer token (H5) or downloadFile / request (mini-program).
 */
export { downloadFile, XLSX_TYPE } from '../../api/files'

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
