import { PNG } from 'pngjs'
import qrcode from 'qrcode-generator'

export interface QrPngSize {
  /** Light modules around the code (the quiet zone). */
  margin: number
  /** Pixels a module; or give `width` and it is the largest that fits. */
  scale?: number
  /** About this many pixels across (at least one pixel a module). */
  width?: number
}

/**
 * A QR code of `text` (error correction M, the text as UTF-8) as a PNG, black on white.
 * The modules come from qrcode-generator, the QR library the mini-app draws with too.
 */
export function qrPng(text: string, size: QrPngSize): Buffer {
  const qr = qrcode(0, 'M')
  // qrcode-generator takes each character's code as a byte: hand it the UTF-8 bytes as such characters.
  qr.addData(Buffer.from(text, 'utf8').toString('latin1'), 'Byte')
  qr.make()
  const modules = qr.getModuleCount() + 2 * size.margin
  const scale = size.scale ?? Math.max(1, Math.floor((size.width ?? modules) / modules))
  const side = modules * scale
  const png = new PNG({ width: side, height: side })
  for (let y = 0; y < side; y++) {
    const row = Math.floor(y / scale) - size.margin
    for (let x = 0; x < side; x++) {
      const col = Math.floor(x / scale) - size.margin
      const dark = row >= 0 && col >= 0 && row < modules - 2 * size.margin && col < modules - 2 * size.margin && qr.isDark(row, col)
      png.data.fill(dark ? 0 : 255, (y * side + x) * 4, (y * side + x) * 4 + 3)
      png.data[(y * side + x) * 4 + 3] = 255
    }
  }
  // Written as greyscale: a third the bytes of colour.
  return PNG.sync.write(png, { colorType: 0 })
}
