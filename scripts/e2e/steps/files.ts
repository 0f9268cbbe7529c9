import ExcelJS from 'exceljs'
import { PNG } from 'pngjs'
import { idCheckCharacter, rosterHeaders } from '@huzhu/shared'
import { qrPng as qrCodePng } from '@huzhu/server/src/features/events/qr-png'

/** Files the staff runs hand to the app: ID numbers, rosters, photos, a QR code as a picture or a camera's video. */

/** A valid resident ID number (Xi'an region code, given birth date and sequence; odd sequence = male). */
export function idNumber(birth: string, sequence: number): string {
  const first17 = `610113${birth.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`
  return first17 + idCheckCharacter(first17)
}

export interface RosterRow {
  name: string
  sex: string
  id: string
  mobile: string
  insurance: string
  products: string
}

/** A roster as a unit fills in the template: the template's headers, one person a row. */
export async function rosterXlsx(rows: RosterRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('参保名单')
  sheet.addRow([...rosterHeaders])
  sheet.getColumn(4).numFmt = '@'
  rows.forEach((r, i) => sheet.addRow([i + 1, r.name, r.sex, r.id, r.mobile, '快递员', '雁塔区快递站', r.insurance, r.products, 1, '']))
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** The first sheet of an xlsx, as text cells. */
export async function readSheet(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const rows: string[][] = []
  book.worksheets[0]!.eachRow({ includeEmpty: false }, (row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))))
  })
  return rows
}

/** A plain picture (a stand-in for a photo of an invoice). */
export function plainPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height })
  for (let i = 0; i < width * height; i++) {
    png.data[i * 4] = 200 + (i % 50)
    png.data[i * 4 + 1] = 220
    png.data[i * 4 + 2] = 235
    png.data[i * 4 + 3] = 255
  }
  return PNG.sync.write(png)
}

/** A QR code of `text` as a PNG, as a phone's photo of a member card would show it. */
export function qrPng(text: string, scale = 8): Buffer {
  return qrCodePng(text, { margin: 4, scale })
}

/** A one-frame Y4M video of a PNG (grey levels only), for Chromium's fake camera. */
export function y4mOf(pngBytes: Buffer): Buffer {
  const png = PNG.sync.read(pngBytes)
  const width = png.width + (png.width % 2)
  const height = png.height + (png.height % 2)
  const luma = Buffer.alloc(width * height, 235)
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4
      const grey = (png.data[i]! * 299 + png.data[i + 1]! * 587 + png.data[i + 2]! * 114) / 1000
      luma[y * width + x] = Math.round(16 + (grey * 219) / 255)
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128)
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), Buffer.from('FRAME\n'), luma, chroma])
}

/** A small real picture file: a PNG of coloured stripes (the app compresses it to JPEG before upload). */
export function stripedPhoto(name: string, hue: number): { name: string; mimeType: string; buffer: Buffer } {
  const png = new PNG({ width: 320, height: 480 })
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (png.width * y + x) << 2
      png.data[i] = (hue + y) % 256
      png.data[i + 1] = (x * 3) % 256
      png.data[i + 2] = ((x + y) * 7) % 256
      png.data[i + 3] = 255
    }
  }
  return { name, mimeType: 'image/png', buffer: PNG.sync.write(png) }
}

/** ISO-BMFF box: size, type, body. */
function box(type: string, ...body: Buffer[]): Buffer {
  const content = Buffer.concat(body)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + content.length, 0)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, content])
}

/**
 * A photo as an iPhone saves it (HEIC): the boxes that name the format and the
 * image size, which is all the server reads; Chromium cannot draw it, so the
 * app must send it as it is.
 */
export function heicPhoto(name: string, width = 3024, height = 4032): { name: string; mimeType: string; buffer: Buffer } {
  const ispe = Buffer.alloc(12)
  ispe.writeUInt32BE(width, 4)
  ispe.writeUInt32BE(height, 8)
  const ftyp = box('ftyp', Buffer.from('heic', 'latin1'), Buffer.alloc(4), Buffer.from('mif1heic', 'latin1'))
  const meta = box('meta', Buffer.alloc(4), box('iprp', box('ipco', box('ispe', ispe))))
  return { name, mimeType: 'image/heic', buffer: Buffer.concat([ftyp, meta, box('mdat', Buffer.alloc(64, 7))]) }
}

/** Files a rider may pick by mistake: a text file named .jpg, and random bytes. */
export function notAPhoto(name: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from('这是一段文字，不是照片。', 'utf8') }
}
export function randomBytes(name: string, length = 2048): { name: string; mimeType: string; buffer: Buffer } {
  const buffer = Buffer.alloc(length)
  for (let i = 0; i < length; i++) buffer[i] = (i * 131 + 17) % 251
  return { name, mimeType: 'image/jpeg', buffer }
}
