import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { documentKinds, fillTemplate, ui, type DocumentKind } from '@huzhu/shared'
import './claims.scss'

export type PhotoStatus = 'uploading' | 'done' | 'failed'

export interface PhotoItem {
  key: string
  kind: DocumentKind
  status: PhotoStatus
  percent: number
  preview: string | null
  uploadId: string | null
  error: string | null
}

/** The photos of a claim: thumbnail, what it shows, upload progress, retry and delete. */
export function PhotoList({ items, onKind, onRetry, onRemove }: {
  items: readonly PhotoItem[]
  onKind: (key: string, kind: DocumentKind) => void
  onRetry: (key: string) => void
  onRemove: (key: string) => void
}) {
  return (
    <View id='photo-list' className='photos'>
      {items.map((item, i) => (
        <View key={item.key} id={`photo-${i}`} className={`photo is-${item.status}${item.status === 'failed' ? ' is-failed' : ''}`}>
          <View className='photo__main'>
            {item.preview ? <Image className='photo__thumb' src={item.preview} mode='aspectFill' /> : <View className='photo__thumb' />}
            <View className='photo__body'>
              <View className='photo__head'>
                <Text id={`photo-${i}-status`} className='hint photo__status'>
                  {item.status === 'uploading'
                    ? fillTemplate(ui.claim.uploading, { percent: item.percent })
                    : item.status === 'done'
                      ? ui.claim.uploaded
                      : item.error ? fillTemplate(ui.claim.uploadFailedWhy, { reason: item.error }) : ui.claim.uploadFailed}
                </Text>
                {item.status === 'failed' && (
                  <Button id={`photo-${i}-retry`} size='small' type='primary' onClick={() => onRetry(item.key)}>{ui.claim.retryUpload}</Button>
                )}
                <Button id={`photo-${i}-remove`} size='small' onClick={() => onRemove(item.key)}>{ui.claim.removePhoto}</Button>
              </View>
              {item.status === 'uploading' && (
                <View className='photo__progress'>
                  <View className='photo__bar' style={{ width: `${item.percent}%` }} />
                </View>
              )}
            </View>
          </View>
          {/* What the photo shows: small chips across the card's full width under the photo (two short rows at 320 px, not four beside it). */}
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
        </View>
      ))}
    </View>
  )
}
