import { useMemo, useRef, useState } from 'react'
import type { DocumentKind } from '@huzhu/shared'
import { ApiError, errorMessage } from '../../api/errors'
import type { PhotoItem } from './PhotoList'
import { isRefused, type PickedPhoto } from './photo-files'
import type { PhotoService } from './photos'

const defaultKinds: readonly DocumentKind[] = ['invoice', 'settlement_slip', 'discharge_summary', 'diagnosis']

let counter = 0
const nextKey = () => `p${Date.now().toString(36)}${(counter++).toString(36)}`

/** The server will never take these bytes (too large, not a photo or PDF, too many pixels): retrying cannot help. */
const refusedByServer = (error: unknown) => error instanceof ApiError && error.kind === 'http' && (error.status === 413 || error.status === 415 || error.status === 422)

/**
 * Photos being chosen and uploaded, one at a time (a weak network does better
 * with one upload than with five), each with its progress; a failed one keeps
 * its bytes for "retry". A chosen file that cannot be sent stays in the list,
 * where it would have been, with the reason. `onChange` hears every change (to
 * save the draft).
 */
export function usePhotoUploads(service: PhotoService, initial: PhotoItem[], onChange?: (items: PhotoItem[]) => void) {
  const [items, setItems] = useState<PhotoItem[]>(initial)
  const sources = useRef(new Map<string, PickedPhoto>())
  const queue = useRef<Promise<void>>(Promise.resolve())
  const [choosing, setChoosing] = useState(false)
  // One array while the items stay the same: the form saves its draft when it changes.
  const uploaded = useMemo(() => items.filter((p) => p.status === 'done' && p.uploadId !== null), [items])

  const update = (fn: (items: PhotoItem[]) => PhotoItem[]) => {
    setItems((current) => {
      const next = fn(current)
      onChange?.(next)
      return next
    })
  }
  const patch = (key: string, change: Partial<PhotoItem>) => update((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)))

  const send = (key: string) => {
    const source = sources.current.get(key)
    if (!source) return
    patch(key, { status: 'uploading', percent: 0, error: null })
    queue.current = queue.current.then(async () => {
      try {
        const upload = await service.upload(source, (percent) => patch(key, { percent }))
        sources.current.delete(key)
        patch(key, { status: 'done', percent: 100, uploadId: upload.id, mediaType: upload.mediaType })
      } catch (error) {
        if (refusedByServer(error)) sources.current.delete(key)
        patch(key, { status: refusedByServer(error) ? 'refused' : 'failed', error: errorMessage(error) })
      }
    })
  }

  const choose = async () => {
    setChoosing(true)
    try {
      const picked = await service.choose()
      let photoIndex = items.filter((p) => p.status !== 'refused').length
      const added: PhotoItem[] = picked.map((file) => {
        const key = nextKey()
        if (isRefused(file)) {
          return { key, kind: 'other', status: 'refused', percent: 0, preview: null, uploadId: null, error: file.refused, mediaType: null, name: file.name }
        }
        sources.current.set(key, file)
        const kind = defaultKinds[photoIndex++] ?? 'other'
        return {
          key, kind, status: 'uploading', percent: 0, preview: file.preview, uploadId: null, error: null, mediaType: file.mediaType ?? null,
          ...(file.name !== undefined ? { name: file.name } : {}),
        }
      })
      update((list) => [...list, ...added])
      added.filter((item) => item.status === 'uploading').forEach((item) => send(item.key))
    } catch {
      // Cancelled by the member: nothing chosen.
    } finally {
      setChoosing(false)
    }
  }

  return {
    items,
    choosing,
    choose,
    retry: send,
    remove: (key: string) => {
      sources.current.delete(key)
      update((list) => list.filter((p) => p.key !== key))
    },
    setKind: (key: string, kind: DocumentKind) => patch(key, { kind }),
    reset: () => update(() => []),
    busy: items.some((p) => p.status === 'uploading'),
    uploaded,
  }
}
