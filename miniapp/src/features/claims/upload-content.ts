import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { endpoints, pathOf, ui } from '@huzhu/shared'
import { ApiError, errorMessage } from '../../api/errors'
import { getToken } from '../../api/token'
import { drawableTypes } from './photo-files'

/**
 * A photo the rider uploaded, fetched back from `endpoints.uploads.getUploadContent`
 * with the member's bearer token (an <img> cannot send it): as a blob: URL in
 * H5, a temp file in the mini-program. Used for a kept draft's photos after a
 * reload and for the photos on the rider's own claim.
 */
const baseUrl = process.env.TARO_APP_API_BASE ?? ''

export const uploadContentPath = (uploadId: string) => pathOf(endpoints.uploads.getUploadContent, { uploadId })

export interface UploadContent {
  /** What an Image can show; null for a type the phone cannot draw (HEIC, PDF): shown as a tile. */
  src: string | null
  mediaType: string | null
  release: () => void
}

const nothing = () => undefined

function authHeader(): Record<string, string> {
  const token = getToken()
  return token === null ? {} : { Authorization: `Bearer ${token}` }
}

function headerValue(header: Record<string, string> | undefined, name: string): string | null {
  const key = Object.keys(header ?? {}).find((k) => k.toLowerCase() === name)
  return key ? (header![key] ?? null) : null
}

async function loadH5(uploadId: string): Promise<UploadContent> {
  let response: { statusCode: number; data: unknown; header?: Record<string, string> }
  try {
    response = await Taro.request({ url: baseUrl + uploadContentPath(uploadId), method: 'GET', header: authHeader(), responseType: 'arraybuffer', timeout: 30_000 })
  } catch {
    throw new ApiError('network')
  }
  if (response.statusCode < 200 || response.statusCode >= 300) throw new ApiError('http', { status: response.statusCode })
  const mediaType = (headerValue(response.header, 'content-type') ?? '').split(';')[0]!.trim() || null
  if (mediaType === null || !drawableTypes.has(mediaType)) return { src: null, mediaType, release: nothing }
  const src = URL.createObjectURL(new Blob([response.data as ArrayBuffer], { type: mediaType }))
  return { src, mediaType, release: () => URL.revokeObjectURL(src) }
}

async function loadWeapp(uploadId: string, knownType: string | null): Promise<UploadContent> {
  const result = await Taro.downloadFile({ url: baseUrl + uploadContentPath(uploadId), header: authHeader() }).catch(() => {
    throw new ApiError('network')
  })
  if (result.statusCode < 200 || result.statusCode >= 300) throw new ApiError('http', { status: result.statusCode })
  return { src: result.tempFilePath, mediaType: knownType, release: nothing }
}

/**
 * The photo of an upload, ready for an Image. A type known not to be drawable
 * (HEIC, PDF) is not downloaded at all: its tile needs only the type.
 */
export function loadUploadContent(uploadId: string, knownType: string | null = null): Promise<UploadContent> {
  if (knownType !== null && !drawableTypes.has(knownType)) return Promise.resolve({ src: null, mediaType: knownType, release: nothing })
  return process.env.TARO_ENV === 'weapp' ? loadWeapp(uploadId, knownType) : loadH5(uploadId)
}

export type UploadView =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'shown'; src: string }
  | { state: 'tile'; mediaType: string | null }
  | { state: 'failed'; message: string }

/** Why a photo could not be fetched back: gone or not the rider's (ask for it again), or the network (try again later). */
function failureMessage(error: unknown): string {
  if (error instanceof ApiError && error.kind === 'http' && error.status !== null && error.status < 500) return ui.claim.photoUnavailable
  return errorMessage(error)
}

/** An upload's photo for as long as the component shows it (nothing while `uploadId` is null); `attempt` loads it again. */
export function useUploadContent(uploadId: string | null, knownType: string | null, attempt = 0): UploadView {
  const [view, setView] = useState<UploadView>(uploadId === null ? { state: 'none' } : { state: 'loading' })
  useEffect(() => {
    if (uploadId === null) {
      setView({ state: 'none' })
      return
    }
    let alive = true
    let release = nothing as () => void
    setView({ state: 'loading' })
    loadUploadContent(uploadId, knownType).then(
      (content) => {
        release = content.release
        if (!alive) return release()
        setView(content.src !== null ? { state: 'shown', src: content.src } : { state: 'tile', mediaType: content.mediaType })
      },
      (error: unknown) => alive && setView({ state: 'failed', message: failureMessage(error) }),
    )
    return () => {
      alive = false
      release()
    }
  }, [uploadId, knownType, attempt])
  return view
}
