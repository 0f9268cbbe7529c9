import { useMemo } from 'react'
import { Image } from '@tarojs/components'
import qrcode from 'qrcode-generator'

/** A QR code of `text`, drawn on the device (qrcode-generator, a GIF data URL) at about `size` CSS pixels. */
export function QrImage({ id, text, size }: { id: string; text: string; size: number }) {
  const src = useMemo(() => {
    const qr = qrcode(0, 'M')
    qr.addData(text)
    qr.make()
    const cell = Math.max(2, Math.ceil(size / (qr.getModuleCount() + 8)))
    return qr.createDataURL(cell, cell * 4)
  }, [text, size])
  return <Image id={id} className='qr-image' src={src} mode='scaleToFill' style={{ width: `${size}px`, height: `${size}px` }} data-qr-text={text} />
}
