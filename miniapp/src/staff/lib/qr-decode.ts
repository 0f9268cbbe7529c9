import jsQR from 'jsqr'

/**
 * QR decoding in the browser (H5): a photo drawn on a canvas, or a camera frame,
 * read by jsQR. The mini-program uses `scanCode` instead and never loads this.
 */

/** Large photos are scaled down first: jsQR's time grows with the pixels, a card's QR stays readable. */
const MAX_SIDE = 1200

function decodeCanvas(source: CanvasImageSource, width: number, height: number, maxSide: number): string | null {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  const w = Math.max(1, Math.round(width * scale))
  const h = Math.max(1, Math.round(height * scale))
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) return null
  context.drawImage(source, 0, 0, w, h)
  const image = context.getImageData(0, 0, w, h)
  return jsQR(image.data, w, h, { inversionAttempts: 'attemptBoth' })?.data ?? null
}

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file)
    const image = new window.Image()
    image.onload = () => {
      URL.revokeObjectURL(url)
      resolve(image)
    }
    image.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('image'))
    }
    image.src = url
  })
}

/** The text of the first QR code in a photo, or null. */
export async function decodeQrFromFile(file: Blob): Promise<string | null> {
  try {
    if (typeof createImageBitmap === 'function') {
      const bitmap = await createImageBitmap(file)
      try {
        return decodeCanvas(bitmap, bitmap.width, bitmap.height, MAX_SIDE)
      } finally {
        bitmap.close()
      }
    }
    const image = await loadImage(file)
    return decodeCanvas(image, image.naturalWidth, image.naturalHeight, MAX_SIDE)
  } catch {
    return null
  }
}

/** One camera frame; smaller than a photo, so a frame is read in a few milliseconds. */
export function decodeQrFromVideo(video: HTMLVideoElement): string | null {
  if (video.videoWidth === 0 || video.videoHeight === 0) return null
  return decodeCanvas(video, video.videoWidth, video.videoHeight, 640)
}
