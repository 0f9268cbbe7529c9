import { useEffect, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import { staffUi, type DocumentKind } from '@huzhu/shared'
import { loadProtectedImage } from '../lib/files'
import { staffPaths } from '../lib/paths'

/**
 * How a photo is drawn at a zoom and a turn. Zoom sets the picture's own box (a
 * square `zoom` times the square frame), not a `scale()` transform: a transform
 * grows the picture outside its box, and the part above and left of the frame
 * then cannot be scrolled to (the top and left of an invoice were cut off). The
 * frame scrolls over the whole box, to every edge; a quarter turn of a square box
 * about its centre covers the same square, so a turned photo scrolls alike.
 */
export function photoStyle(zoom: number, turn: number): { width: string; height: string; transform?: string } {
  const size = `${Math.round(zoom * 1000) / 10}%`
  return { width: size, height: size, ...(turn !== 0 ? { transform: `rotate(${turn}deg)` } : {}) }
}

/** One piece of claim material: fetched with the bearer token, then zoomed (scrollable to every edge) and rotated on the page. */
export function ClaimPhoto({ uploadId, kind, mediaType, index }: { uploadId: string; kind: DocumentKind; mediaType: string; index: number }) {
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const [zoom, setZoom] = useState(1)
  const [turn, setTurn] = useState(0)
  const isImage = mediaType.startsWith('image/')

  useEffect(() => {
    if (!isImage) return
    let release = () => undefined as void
    let alive = true
    loadProtectedImage(staffPaths.uploadContent(uploadId)).then(
      (image) => {
        if (alive) setSrc(image.src)
        release = image.release
      },
      () => alive && setFailed(true),
    )
    return () => {
      alive = false
      release()
    }
  }, [uploadId, isImage])

  return (
    <View id={`claim-photo-${index}`} className='claim-photo' data-upload-id={uploadId}>
      <Text className='staff-muted'>{staffUi.documentKind[kind]}</Text>
      <View id={`claim-photo-${index}-frame`} className='claim-photo__frame' data-zoom={zoom}>
        {!isImage && <Text className='claim-photo__note'>{staffUi.claim.pdf}</Text>}
        {isImage && failed && <Text className='claim-photo__note staff-error-text'>{staffUi.claim.photoFailed}</Text>}
        {isImage && src && process.env.TARO_ENV === 'h5' && (
          // A plain img in the browser: object-fit keeps the whole page of a document in view as it turns.
          <img className='claim-photo__image' src={src} alt={staffUi.documentKind[kind]} style={photoStyle(zoom, turn)} />
        )}
        {isImage && src && process.env.TARO_ENV !== 'h5' && (
          <Image className='claim-photo__image' src={src} mode='aspectFit' style={photoStyle(zoom, turn)} />
        )}
      </View>
      {isImage && (
        <View className='staff-row staff-no-print'>
          <Button id={`claim-photo-${index}-zoom-in`} className='staff-button staff-button--small' onClick={() => setZoom((z) => Math.min(4, z * 1.5))}>
            {staffUi.claim.zoomIn}
          </Button>
          <Button id={`claim-photo-${index}-zoom-out`} className='staff-button staff-button--small' onClick={() => setZoom((z) => Math.max(1, z / 1.5))}>
            {staffUi.claim.zoomOut}
          </Button>
          <Button id={`claim-photo-${index}-rotate`} className='staff-button staff-button--small' onClick={() => setTurn((t) => (t + 90) % 360)}>
            {staffUi.claim.rotate}
          </Button>
        </View>
      )}
    </View>
  )
}
