/** The mini-program scans with `Taro.scanCode` (see CardCheck): no camera or photo decoding of our own here. */
export interface ScannerProps {
  onDecoded: (text: string, startedAt: number) => void
  onNotice: (text: string) => void
}

export function PhotoPicker(_props: ScannerProps) {
  return null
}

export function CameraScanner(_props: ScannerProps) {
  return null
}
