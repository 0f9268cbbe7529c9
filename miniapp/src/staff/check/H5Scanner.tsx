import { useEffect, useRef, type ChangeEvent } from 'react'
import { Text, View } from '@tarojs/components'
import { staffUi } from '@huzhu/shared'
import { decodeQrFromFile, decodeQrFromVideo } from '../lib/qr-decode'

/**
 * H5 scanning: the camera (getUserMedia, frames read by jsQR) and a photo
 * (a file input, decoded on a canvas). The mini-program build takes
 * H5Scanner.weapp.tsx instead (it uses `scanCode`), so jsQR stays out of it.
 */
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now())

export interface ScannerProps {
  /** The QR text and when the scan produced it (performance.now). */
  onDecoded: (text: string, startedAt: number) => void
  onNotice: (text: string) => void
}

export function PhotoPicker({ onDecoded, onNotice }: ScannerProps) {
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target
    const file = input.files?.[0]
    if (!file) return
    const startedAt = now()
    onNotice(staffUi.check.decoding)
    const text = await decodeQrFromFile(file)
    input.value = ''
    if (text === null) onNotice(staffUi.check.noQrInPhoto)
    else onDecoded(text, startedAt)
  }
  return (
    <label id='check-photo' className='staff-button staff-file-picker'>
      <Text>{staffUi.check.photo}</Text>
      <input id='check-photo-input' className='staff-file-picker__input' type='file' accept='image/*' onChange={(e) => void onChange(e)} />
    </label>
  )
}

export function CameraScanner({ onDecoded, onNotice }: ScannerProps) {
  const video = useRef<HTMLVideoElement>(null)
  // The camera starts once; what it reads goes to the handlers of the latest render.
  const handlers = useRef({ onDecoded, onNotice })
  useEffect(() => {
    handlers.current = { onDecoded, onNotice }
  })
  useEffect(() => {
    let stream: MediaStream | null = null
    let frame = 0
    let stopped = false
    let lastRead = 0
    const tick = () => {
      if (stopped) return
      const element = video.current
      const t = now()
      // About eight reads a second leave the phone responsive.
      if (element && t - lastRead > 120) {
        lastRead = t
        const text = decodeQrFromVideo(element)
        if (text !== null) {
          stopped = true
          handlers.current.onDecoded(text, t)
          return
        }
      }
      frame = requestAnimationFrame(tick)
    }
    const start = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
        if (stopped || !video.current) return
        video.current.srcObject = stream
        await video.current.play()
        frame = requestAnimationFrame(tick)
      } catch {
        if (!stopped) handlers.current.onNotice(staffUi.check.cameraUnavailable)
      }
    }
    void start()
    return () => {
      stopped = true
      cancelAnimationFrame(frame)
      stream?.getTracks().forEach((track) => track.stop())
    }
  }, [])
  return (
    <View className='check-camera'>
      <video id='check-video' ref={video} className='check-camera__video' muted playsInline />
    </View>
  )
}
