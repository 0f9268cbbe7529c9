import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { qrPng } from './qr-png'

const decode = (bytes: Buffer) => {
  const png = PNG.sync.read(bytes)
  return { width: png.width, height: png.height, text: jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data }
}

describe('qrPng', () => {
  test('a PNG that decodes to the text, Chinese included (UTF-8)', () => {
    const text = 'https://互助.example.cn/pages/index/index?event=AB12CD&名=张三'
    expect(decode(qrPng(text, { margin: 4, scale: 4 })).text).toBe(text)
  })

  test('`scale` pixels a module with `margin` modules around; `width` is the largest size that fits', () => {
    const short = 'HZ1'
    const byScale = decode(qrPng(short, { margin: 4, scale: 5 }))
    expect(byScale.width).toBe((21 + 8) * 5) // the smallest QR code is 21 modules across
    expect(byScale.height).toBe(byScale.width)
    const byWidth = decode(qrPng(short, { margin: 2, width: 512 }))
    expect(byWidth.width).toBe(25 * Math.floor(512 / 25))
    expect(byWidth.text).toBe(short)
  })
})
