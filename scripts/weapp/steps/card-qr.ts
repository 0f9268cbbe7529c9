import jsQR from 'jsqr'
import type { PageHandle } from '../harness/mini-program'

/**
 * Reads back the QR code the member card draws. The app draws it with views
 * (features/card/QrCode.tsx): a `.qr__row` per module row, holding runs of
 * light and dark modules (`.qr__run--dark`) as wide as their `flex-grow`. The
 * rows are turned back into a picture (4 px a module, a quiet zone of 4) and
 * decoded as a phone's camera would: null when it is not a readable QR code.
 */
export function readCardQr(page: PageHandle, selector = '#card-qr'): string | null {
  const rows = page.all(`${selector} view.qr__row`).map((row) => (row.node.cn ?? []).flatMap((run) => {
    const length = Number(/flex-grow:\s*(\d+)/.exec(run.st ?? '')?.[1] ?? NaN)
    if (!Number.isInteger(length) || length < 1) throw new Error(`a QR run without its width: ${JSON.stringify(run.st)}`)
    return Array<boolean>(length).fill((run.cl ?? '').split(/\s+/).includes('qr__run--dark'))
  }))
  const size = rows.length
  if (size === 0 || rows.some((row) => row.length !== size)) throw new Error(`not a square of modules: ${rows.map((r) => r.length).join(',')}`)
  const scale = 4
  const quiet = 4
  const side = (size + 2 * quiet) * scale
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255)
  rows.forEach((row, r) => row.forEach((dark, c) => {
    if (!dark) return
    for (let y = 0; y < scale; y++) {
      for (let x = 0; x < scale; x++) {
        const at = (((r + quiet) * scale + y) * side + (c + quiet) * scale + x) * 4
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0
      }
    }
  }))
  return jsQR(pixels, side, side)?.data ?? null
}
