import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { documentKinds, fillTemplate, ui, type DocumentKind } from '@huzhu/shared'
import { drawableTypes, tileLabel } from './photo-files'
import { useUploadContent, type UploadView } from './upload-content'
import './claims.scss'

/** `refused`: a chosen file that was not added (or that the server would not take), with the reason; nothing to retry. */
export type PhotoStatus = 'uploading' | 'done' | 'failed' | 'refused'

export interface PhotoItem {
  key: string
  kind: DocumentKind
  status: PhotoStatus
  percent: number
  /** The thumbnail chosen on this phone; null when the phone cannot draw it, or after a reload (then fetched back by its upload id). */
  preview: string | null
  uploadId: string | null
  error: string | null
  /** The type known from the file's bytes, when known. */
  mediaType: string | null
  /** The file's name, for a refused file. */
  name?: string
}

/** A square where a thumbnail cannot be: what the file is (HEIC 照片, PDF), or that it is loading. */
export function FileTile({ id, label, className = '' }: { id?: string; label: string; className?: string }) {
  return (
    <View id={id} className={`photo__thumb photo__tile ${className}`}>
      <Text className='photo__tile-label'>{label}</Text>
    </View>
  )
}

function Thumb({ id, item, view }: { id: string; item: PhotoItem; view: UploadView }) {
  if (item.preview) return <Image id={id} className='photo__thumb' src={item.preview} mode='aspectFill' />
  if (view.state === 'shown') return <Image id={id} className='photo__thumb' src={view.src} mode='aspectFill' />
  if (item.status === 'refused') return <FileTile id={id} label='×' className='is-refused' />
  if (view.state === 'loading') return <FileTile id={id} label='…' className='is-loading' />
  if (view.state === 'failed') return <FileTile id={id} label={ui.claim.photoFailedTile} className='is-refused' />
  return <FileTile id={id} label={tileLabel(view.state === 'tile' ? view.mediaType ?? item.mediaType : item.mediaType)} />
}

function statusText(item: PhotoItem): string {
  if (item.status === 'refused') return fillTemplate(ui.claim.fileRefused, { name: item.name ?? ui.claim.tileFile, reason: item.error ?? '' })
  if (item.status === 'uploading') return fillTemplate(ui.claim.uploading, { percent: item.percent })
  if (item.status === 'done') return ui.claim.uploaded
  return item.error ? fillTemplate(ui.claim.uploadFailedWhy, { reason: item.error }) : ui.claim.uploadFailed
}

function PhotoRow({ item, i, onKind, onRetry, onRemove }: {
  item: PhotoItem
  i: number
  onKind: (key: string, kind: DocumentKind) => void
  onRetry: (key: string) => void
  onRemove: (key: string) => void
}) {
  // An uploaded photo with no thumbnail on this phone (a kept draft after a reload) is fetched back from the server.
  const view = useUploadContent(item.preview === null && item.status === 'done' ? item.uploadId : null, item.mediaType)
  const refused = item.status === 'refused'
  const asIs = item.preview === null && item.mediaType !== null && !drawableTypes.has(item.mediaType) && !refused
  return (
    <View id={`photo-${i}`} className={`photo is-${item.status}${item.status === 'failed' || refused ? ' is-failed' : ''}`}>
      <View className='photo__main'>
        <Thumb id={`photo-${i}-thumb`} item={item} view={view} />
        <View className='photo__body'>
          <View className='photo__head'>
            <Text id={`photo-${i}-status`} className={`hint photo__status${refused ? ' photo__status--refused' : ''}`}>{statusText(item)}</Text>
            {item.status === 'failed' && (
              <Button id={`photo-${i}-retry`} size='small' type='primary' onClick={() => onRetry(item.key)}>{ui.claim.retryUpload}</Button>
            )}
            <Button id={`photo-${i}-remove`} size='small' onClick={() => onRemove(item.key)}>{refused ? ui.claim.fileDismiss : ui.claim.removePhoto}</Button>
          </View>
          {item.status === 'uploading' && (
            <View className='photo__progress'>
              <View className='photo__bar' style={{ width: `${item.percent}%` }} />
            </View>
          )}
          {asIs && <Text id={`photo-${i}-as-is`} className='hint'>{ui.claim.sentAsIs}</Text>}
          {view.state === 'failed' && <Text id={`photo-${i}-unavailable`} className='field-error'>{view.message}</Text>}
        </View>
      </View>
      {/* What the photo shows: small chips across the card's full width under the photo (two short rows at 320 px, not four beside it). */}
      {!refused && (
        <View id={`photo-${i}-kinds`} className='photo__kinds'>
          {documentKinds.map((kind) => (
            <View
              key={kind}
              id={`photo-${i}-kind-${kind}`}
              className={`photo__kind${item.kind === kind ? ' is-active' : ''}`}
              onClick={() => onKind(item.key, kind)}
            >
              {ui.documentKind[kind]}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

/** The photos of a claim: thumbnail (or a tile), what it shows, upload progress, retry and delete; a refused file says why. */
export function PhotoList({ items, onKind, onRetry, onRemove }: {
  items: readonly PhotoItem[]
  onKind: (key: string, kind: DocumentKind) => void
  onRetry: (key: string) => void
  onRemove: (key: string) => void
}) {
  return (
    <View id='photo-list' className='photos'>
      {items.map((item, i) => (
        <PhotoRow key={item.key} item={item} i={i} onKind={onKind} onRetry={onRetry} onRemove={onRemove} />
      ))}
    </View>
  )
}
