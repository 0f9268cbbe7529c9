import Taro from '@tarojs/taro'
import { uploadSchema, type Upload } from '@huzhu/shared'
import { ApiError } from '../../api/errors'
import { getToken } from '../../api/token'
import { requirePrivacy } from '../../lib/privacy'

/**
 * Photos of claim material: chosen by camera or album (several at once),
 * compressed on the phone, then sent to `POST /api/v1/uploads` as the raw
 * request body (the server reads the bytes, not a multipart form: so no
 * `Taro.uploadFile`). H5 uses XMLHttpRequest for upload progress; the
 * mini-program `Taro.request` with an ArrayBuffer body.
 */

/** A chosen photo, ready to send. */
export interface PickedPhoto {
  /** Shown as the thumbnail (a blob: URL in H5, a temp file path in the mini-program). */
  preview: string
  /** The compressed bytes (H5) or a file path to read them from (mini-program). */
  source: Blob | string
}

export interface PhotoService {
  choose(): Promise<PickedPhoto[]>
  upload(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<Upload>
}

const isWeapp = process.env.TARO_ENV === 'weapp'
const MAX_SIDE = 1600
const QUALITY = 0.8
const baseUrl = process.env.TARO_APP_API_BASE ?? ''

/** H5: draws the photo at most 1600 px on its long side and re-encodes it as JPEG; a photo that cannot be drawn is sent as it is. */
async function compressInBrowser(file: Blob): Promise<Blob> {
  try {
    const url = URL.createObjectURL(file)
    const image = await new Promise<HTMLImageElement>((resolve, reject) => {
      const img = new Image()
      img.onload = () => resolve(img)
      img.onerror = () => reject(new Error('decode'))
      img.src = url
    })
    URL.revokeObjectURL(url)
    const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale))
    const context = canvas.getContext('2d')
    if (!context) return file
    context.fillStyle = '#fff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY))
    return blob && blob.size < file.size ? blob : file
  } catch {
    return file
  }
}

async function chooseH5(): Promise<PickedPhoto[]> {
  const result = await Taro.chooseImage({ count: 9, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const files = result.tempFiles as (Taro.chooseImage.ImageFile & { originalFileObj?: Blob })[]
  return Promise.all(
    files.map(async (f) => {
      const original = f.originalFileObj ?? (await (await fetch(f.path)).blob())
      return { preview: f.path, source: await compressInBrowser(original) }
    }),
  )
}

async function chooseWeapp(): Promise<PickedPhoto[]> {
  await requirePrivacy()
  const result = await Taro.chooseImage({ count: 9, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return Promise.all(
    result.tempFilePaths.map(async (path) => {
      const compressed = await Taro.compressImage({ src: path, quality: 70 }).then((r) => r.tempFilePath, () => path)
      return { preview: compressed, source: compressed }
    }),
  )
}

function decodeUpload(status: number, body: unknown): Upload {
  if (status >= 200 && status < 300) {
    const parsed = uploadSchema.safeParse(body)
    if (parsed.success) return parsed.data
    throw new ApiError('bad_response', { status })
  }
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error
  throw new ApiError('http', { status, ...(error?.code ? { code: error.code } : {}), ...(error?.message ? { message: error.message } : {}) })
}

function uploadH5(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${baseUrl}/api/v1/uploads`)
    const token = getToken()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.setRequestHeader('Content-Type', photo.source instanceof Blob && photo.source.type ? photo.source.type : 'application/octet-stream')
    xhr.timeout = 60_000
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100))
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        body = null
      }
      try {
        resolve(decodeUpload(xhr.status, body))
      } catch (error) {
        reject(error)
      }
    }
    xhr.onerror = () => reject(new ApiError('network'))
    xhr.ontimeout = () => reject(new ApiError('timeout'))
    xhr.send(photo.source)
  })
}

async function uploadWeapp(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<Upload> {
  const data = await new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: photo.source as string,
      success: (r) => resolve(r.data as ArrayBuffer),
      fail: () => reject(new ApiError('network')),
    })
  })
  onProgress(10)
  const token = getToken()
  let response: { statusCode: number; data: unknown }
  try {
    response = await Taro.request({
      url: `${baseUrl}/api/v1/uploads`,
      method: 'POST',
      data,
      header: { 'Content-Type': 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      timeout: 60_000,
      dataType: 'json',
    })
  } catch {
    throw new ApiError('network')
  }
  onProgress(100)
  return decodeUpload(response.statusCode, response.data)
}

/** Retries a failed upload twice on a bad network (or a gateway error), waiting a little longer each time. */
export async function withRetries<T>(attempt: () => Promise<T>, delaysMs: readonly number[] = [1_000, 3_000]): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt()
    } catch (error) {
      const delay = delaysMs[i]
      const transient = error instanceof ApiError && (error.kind === 'network' || error.kind === 'timeout' || (error.status !== null && error.status >= 500))
      if (delay === undefined || !transient) throw error
      await new Promise((r) => setTimeout(r, delay))
    }
  }
}

export const platformPhotos: PhotoService = {
  choose: () => (isWeapp ? chooseWeapp() : chooseH5()),
  upload: (photo, onProgress) => withRetries(() => (isWeapp ? uploadWeapp(photo, onProgress) : uploadH5(photo, onProgress))),
}
