import Taro from '@tarojs/taro'
import { endpoints, pathOf, uploadSchema, type Upload } from '@huzhu/shared'
import { ApiError, apiErrorOf } from '../../api/errors'
import { getToken } from '../../api/token'
import { requirePrivacy } from '../../lib/privacy'
import { prepareFile, type PickedFile, type PickedPhoto } from './photo-files'

/**
 * Photos of claim material: chosen by camera or album (several at once),
 * compressed on the phone when it can draw them (photo-files.ts), then sent to
 * `POST` to the uploads endpoint as the raw request body (the server reads the bytes,
 * not a multipart form: so no `Taro.uploadFile`). H5 uses XMLHttpRequest for
 * upload progress; the mini-program `Taro.request` with an ArrayBuffer body.
 */

export type { PickedFile, PickedPhoto, RefusedFile } from './photo-files'

export interface PhotoService {
  /** The files chosen, in the order chosen: each ready to send, or refused with its reason. */
  choose(): Promise<PickedFile[]>
  upload(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<Upload>
}

const isWeapp = process.env.TARO_ENV === 'weapp'
const baseUrl = process.env.TARO_APP_API_BASE ?? ''

/**
 * H5: the browser's own file chooser (on a phone it offers the camera and the
 * album itself). Taro's chooseImage is not used: it silently drops every file
 * its <img> cannot decode. Resolves with the files chosen, or none when the
 * chooser is closed without a choice.
 */
function pickFilesH5(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = true
    input.accept = 'image/*'
    input.style.cssText = 'position:fixed;top:-4000px;left:-4000px;'
    let done = false
    const finish = (files: File[]) => {
      if (done) return
      done = true
      window.removeEventListener('focus', onFocus)
      input.remove()
      resolve(files)
    }
    // Browsers without the input's `cancel` event: the page gets the focus back and no change follows.
    const onFocus = () => setTimeout(() => (input.files?.length ?? 0) === 0 && finish([]), 3000)
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])))
    input.addEventListener('cancel', () => finish([]))
    document.body.appendChild(input)
    window.addEventListener('focus', onFocus)
    input.click()
  })
}

async function chooseH5(): Promise<PickedFile[]> {
  const files = await pickFilesH5()
  const picked: PickedFile[] = []
  // One at a time: decoding several 12-megapixel photos at once runs a phone out of memory.
  for (const file of files) picked.push(await prepareFile(file))
  return picked
}

async function chooseWeapp(): Promise<PickedFile[]> {
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
  throw apiErrorOf(status, body)
}

function uploadH5(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', baseUrl + pathOf(endpoints.uploads.createUpload))
    const token = getToken()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    const type = photo.mediaType ?? (photo.source instanceof Blob ? photo.source.type : '')
    xhr.setRequestHeader('Content-Type', type || 'application/octet-stream')
    xhr.timeout = 60_000
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100))
    xhr.onload = () => {
      let body: unknown
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
      url: baseUrl + pathOf(endpoints.uploads.createUpload),
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
