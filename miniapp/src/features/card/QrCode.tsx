import { useMemo } from 'react'
import { View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import './card.scss'

export interface QrRun {
  dark: boolean
  length: number
}

/** The QR code's modules row by row, as runs of light and dark (fewer views than one per module). */
export function qrRows(text: string): QrRun[][] {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const n = qr.getModuleCount()
  const rows: QrRun[][] = []
  for (let r = 0; r < n; r++) {
    const runs: QrRun[] = []
    for (let c = 0; c < n; c++) {
      const dark = qr.isDark(r, c)
      const last = runs.at(-1)
      if (last && last.dark === dark) last.length++
      else runs.push({ dark, length: 1 })
    }
    rows.push(runs)
  }
  return rows
}

/**
 * A QR code drawn with plain views (qrcode-generator computes the modules), so
 * it looks the same in the mini-program and in H5 and needs no canvas or
 * network. `data-payload` carries the text for tests.
 */
export function QrCode({ id, text, size = 240 }: { id: string; text: string; size?: number }) {
  const rows = useMemo(() => qrRows(text), [text])
  return (
    <View id={id} className='qr' data-payload={text}>
      <View className='qr__grid' style={{ width: `${size}px`, height: `${size}px` }}>
        {rows.map((runs, r) => (
          <View key={r} className='qr__row'>
            {runs.map((run, i) => (
              <View key={i} className={run.dark ? 'qr__run qr__run--dark' : 'qr__run'} style={{ flexGrow: run.length }} />
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
