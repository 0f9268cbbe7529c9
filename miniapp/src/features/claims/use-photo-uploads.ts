import { useRef, useState } from 'react'
import type { DocumentKind } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import type { PhotoItem } from './PhotoList'
import type { PhotoService, PickedPhoto } from './photos'

const defaultKinds: readonly DocumentKind[] = ['invoice', 'settlement_slip', 'discharge_summary', 'diagnosis']

let counter = 0
const nextKey = () => `p${Date.now().toString(36)}${(counter++).toString(36)}`

/**
 * Photos being chosen and uploaded, one at a time (a weak network does better
 * with one upload than with five), each with its progress; a failed one keeps
 * its bytes for "retry". `onChange` hears every change (to save the draft).
 */
export function usePhotoUploads(service: PhotoService, initial: PhotoItem[], onChange?: (items: PhotoItem[]) => void) {
  const [items, setItems] = useState<PhotoItem[]>(initial)
  const sources = useRef(new Map<string, PickedPhoto>())
  const queue = useRef<Promise<void>>(Promise.resolve())
  const [choosing, setChoosing] = useState(false)

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
        patch(key, { status: 'done', percent: 100, uploadId: upload.id })
      } catch (error) {
        patch(key, { status: 'failed', error: errorMessage(error) })
      }
    })
  }

  const choose = async () => {
    setChoosing(true)
    try {
      const picked = await service.choose()
      const added: PhotoItem[] = picked.map((photo, i) => {
        const key = nextKey()
        sources.current.set(key, photo)
        const kind = defaultKinds[items.length + i] ?? 'other'
        return { key, kind, status: 'uploading', percent: 0, preview: photo.preview, uploadId: null, error: null }
      })
      update((list) => [...list, ...added])
      added.forEach((item) => send(item.key))
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
    uploaded: items.filter((p) => p.status === 'done' && p.uploadId !== null),
  }
}
