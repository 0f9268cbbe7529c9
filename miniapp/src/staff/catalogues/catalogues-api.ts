import Taro from '@tarojs/taro'
import { endpoints, type CatalogueRecord, type CataloguePreviewResponse, type CivilDate } from '@huzhu/shared'
import { call } from '../../api/call'

/** The admin's catalogue calls: the list, a file's check and preview, publishing, successor, closing. */

export async function fetchCatalogueRecords(): Promise<CatalogueRecord[]> {
  return (await call(endpoints.catalogueAdmin.listCatalogueRecords)).catalogues
}

/** The file checked by the server (422 `catalogue_invalid` with every problem at its path) and previewed for a day. */
export function previewCatalogueFile(file: Record<string, unknown>, on: CivilDate): Promise<CataloguePreviewResponse> {
  return call(endpoints.catalogueAdmin.previewCatalogue, { query: { on }, body: file })
}

export function publishCatalogueFile(id: string, file: Record<string, unknown>): Promise<CatalogueRecord> {
  return call(endpoints.catalogueAdmin.publishCatalogue, { params: { catalogueId: id }, body: file })
}

export function closeCatalogue(id: string): Promise<CatalogueRecord> {
  return call(endpoints.catalogueAdmin.closeCatalogue, { params: { catalogueId: id }, body: {} })
}

export function setCatalogueSuccessor(id: string, successor: string | null): Promise<CatalogueRecord> {
  return call(endpoints.catalogueAdmin.setCatalogueSuccessor, { params: { catalogueId: id }, body: { successor } })
}

/** A file's text as JSON: the object, or why it is not one (shown before anything is sent). */
export function parseCatalogueText(text: string): { ok: true; file: Record<string, unknown> } | { ok: false; reason: string } {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not an object' }
  return { ok: true, file: value as Record<string, unknown> }
}

/** H5: the text of the file picked in an `<input type="file">`; the input is cleared so the same file can be picked again. */
export async function readChosenText(input: HTMLInputElement): Promise<string | null> {
  const file = input.files?.[0]
  if (!file) return null
  const text = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(file, 'utf-8')
  })
  input.value = ''
  return text
}

/** WeChat: a .json file chosen from a chat, as text. */
export async function chooseJsonTextWeapp(): Promise<string | null> {
  const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['json'] }).catch(() => null)
  const file = chosen?.tempFiles[0]
  if (!file) return null
  return new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({ filePath: file.path, encoding: 'utf8', success: (res) => resolve(String(res.data)), fail: reject })
  })
}
