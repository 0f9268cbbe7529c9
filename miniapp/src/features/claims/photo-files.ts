import { fillTemplate, MAX_UPLOAD_BYTES, ui, uploadMediaTypes } from '@huzhu/shared'

/**
 * What a chosen file is, judged on the phone before anything is sent: the
 * server knows a file's type from its first bytes (JPEG, PNG, WebP, HEIC, PDF),
 * and so does this. A photo the browser can draw is shrunk and shown as a
 * thumbnail; one it cannot draw but the server accepts (HEIC from an iPhone, a
 * PDF) is sent as it is and shown as a tile; anything else is not added, and
 * says why in the list where it would have been.
 */
export type UploadMediaType = (typeof uploadMediaTypes)[number]

/** A chosen file, ready to send. */
export interface PickedPhoto {
  /** The thumbnail (a blob: URL in H5, a temp file path in the mini-program); null when the phone cannot draw it. */
  preview: string | null
  /** The bytes to send (H5) or a file path to read them from (mini-program). */
  source: Blob | string
  /** The type known from the bytes, when known. */
  mediaType?: UploadMediaType
  /** The file's name on the phone, when there is one (H5). */
  name?: string
}

/** A chosen file that is not added, and why (Chinese, for the rider). */
export interface RefusedFile {
  name: string
  refused: string
}

export type PickedFile = PickedPhoto | RefusedFile

export const isRefused = (file: PickedFile): file is RefusedFile => 'refused' in file

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b)
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0))

/** The upload type from a file's first bytes, by the same signatures the server reads (file-type); null for anything else. */
export function sniffMediaType(head: Uint8Array): UploadMediaType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp'
  if (startsWith(head, ascii('ftyp'), 4) && (startsWith(head, ascii('heic'), 8) || startsWith(head, ascii('heix'), 8))) return 'image/heic'
  if (startsWith(head, ascii('%PDF'))) return 'application/pdf'
  return null
}

/** The first bytes of a file (FileReader: older phone browsers have no Blob.arrayBuffer). */
export function readHead(file: Blob, length = 32): Promise<Uint8Array> {
  const part = file.slice(0, length)
  if (typeof part.arrayBuffer === 'function') return part.arrayBuffer().then((b) => new Uint8Array(b))
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(part)
  })
}

const MAX_SIDE = 1600
const QUALITY = 0.8

/** Draws a picture the browser can decode; null when it cannot (HEIC in most browsers, a damaged file). */
export function decodeInBrowser(file: Blob): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file)
    const img = new Image()
    img.onload = () => {
      URL.revokeObjectURL(url)
      resolve(img)
    }
    img.onerror = () => {
      URL.revokeObjectURL(url)
      resolve(null)
    }
    img.src = url
  })
}

/** At most 1600 px on its long side, re-encoded as JPEG when that is smaller; else the file as it is. */
export async function shrinkInBrowser(image: HTMLImageElement, file: Blob): Promise<Blob> {
  const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale))
  const context = canvas.getContext('2d')
  if (!context) return file
  context.fillStyle = '#fff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY))
  return blob && blob.size < file.size ? blob : file
}

export interface BrowserImaging {
  decode: (file: Blob) => Promise<HTMLImageElement | null>
  shrink: (image: HTMLImageElement, file: Blob) => Promise<Blob>
  previewOf: (file: Blob) => string
}

export const browserImaging: BrowserImaging = {
  decode: decodeInBrowser,
  shrink: shrinkInBrowser,
  previewOf: (file) => URL.createObjectURL(file),
}

const limit = `${Math.round(MAX_UPLOAD_BYTES / (1024 * 1024))} MB`
const refuse = (name: string, reason: string): RefusedFile => ({ name, refused: reason })

/**
 * One chosen file (H5): refused with its reason, or ready to send. A photo the
 * browser draws is shrunk and previewed; one it cannot draw but whose bytes
 * are a type the server takes is sent untouched, with no preview.
 */
export async function prepareFile(file: File, imaging: BrowserImaging = browserImaging): Promise<PickedFile> {
  const name = file.name || ui.claim.tileFile
  if (file.size === 0) return refuse(name, ui.claim.fileEmpty)
  let head: Uint8Array
  try {
    head = await readHead(file)
  } catch {
    return refuse(name, ui.claim.fileUnreadable)
  }
  const mediaType = sniffMediaType(head)
  if (mediaType === null) return refuse(name, ui.claim.fileNotPhoto)
  const image = mediaType === 'application/pdf' ? null : await imaging.decode(file)
  if (image) {
    const source = await imaging.shrink(image, file).catch(() => file)
    if (source.size > MAX_UPLOAD_BYTES) return refuse(name, fillTemplate(ui.claim.fileTooLarge, { limit }))
    return { preview: imaging.previewOf(source), source, mediaType: source === file ? mediaType : 'image/jpeg', name }
  }
  if (file.size > MAX_UPLOAD_BYTES) return refuse(name, fillTemplate(ui.claim.fileTooLarge, { limit }))
  return { preview: null, source: file, mediaType, name }
}

/** The tile's label for a file shown without a thumbnail. */
export function tileLabel(mediaType: string | null | undefined): string {
  if (mediaType === 'image/heic') return ui.claim.tileHeic
  if (mediaType === 'application/pdf') return ui.claim.tilePdf
  return ui.claim.tileFile
}

/** Types a browser draws in an <img>: only these get a thumbnail. */
export const drawableTypes: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif'])
