import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import { fillTemplate, MAX_UPLOAD_BYTES, ui, type Claim, type Upload } from '@huzhu/shared'
import { ApiError } from '../src/api/errors'
import { setToken } from '../src/api/token'
import { ClaimDetailView } from '../src/features/claims/ClaimDetail'
import { ClaimForm } from '../src/features/claims/ClaimForm'
import { newDraft, readDraft, saveDraft } from '../src/features/claims/draft'
import { prepareFile, sniffMediaType, type BrowserImaging, type PickedFile } from '../src/features/claims/photo-files'
import { platformPhotos, type PhotoService } from '../src/features/claims/photos'
import { claimFixture, enrolmentFixture, errorResponse } from './fixtures'
import { previews, requests, setRequestHandler, type RequestOptions, type RequestResult } from './taro-stub'

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no element #${id}`)
  return element
}

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)))
const fileOf = (name: string, content: Uint8Array, type = '') => new File([content as BlobPart], name, { type })

/** What the rider picked in the issue: a text file named .jpg, random bytes, an iPhone's HEIC, a real photo, a PDF. */
const textAsJpg = fileOf('发票.jpg', bytes('这是一段文字，不是照片'), 'image/jpeg')
const randomBytes = fileOf('IMG_0001.jpg', bytes([0x13, 0x57, 0x9b, 0xdf, 0x02, 0x46, 0x8a, 0xce, 0x11, 0x22, 0x33, 0x44]), 'image/jpeg')
const heic = fileOf('IMG_0002.HEIC', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'), 'image/heic')
const png = fileOf('slip.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR-and-the-rest-of-a-photo'), 'image/png')
const pdf = fileOf('电子发票.pdf', bytes('%PDF-1.7\n'), 'application/pdf')

/** A browser that draws only what `drawable` names, and shrinks what it draws to a small JPEG. */
function imaging(drawable: readonly File[]) {
  const decoded: string[] = []
  const fake: BrowserImaging = {
    decode: (file) => {
      decoded.push((file as File).name)
      return Promise.resolve(drawable.includes(file as File) ? ({ naturalWidth: 3000, naturalHeight: 4000 } as HTMLImageElement) : null)
    },
    shrink: () => Promise.resolve(new Blob([new Uint8Array(5)], { type: 'image/jpeg' })),
    previewOf: () => 'blob:preview',
  }
  return { fake, decoded }
}

function upload(id: string, mediaType: Upload['mediaType'] = 'image/jpeg'): Upload {
  return { id, mediaType, size: 1000, sha256: id.padEnd(64, '0'), width: 800, height: 600, createdAt: '2026-11-25T03:00:00.000Z' }
}

/** A photo service that hands over `picked` and records what it uploads. */
function pickerOf(picked: PickedFile[]) {
  const sent: PickedFile[] = []
  const service: PhotoService = {
    choose: () => Promise.resolve(picked),
    upload: (photo) => {
      sent.push(photo)
      return Promise.resolve(upload(`upl_${sent.length}`, photo.mediaType ?? 'image/jpeg'))
    },
  }
  return { service, sent }
}

/** `GET /api/v1/uploads/:id/content` answering with each upload's type, or 404 for the ids named. */
function contentServer(types: Record<string, string>, gone: readonly string[] = []) {
  return (options: RequestOptions): RequestResult => {
    const id = /^\/api\/v1\/uploads\/([^/]+)\/content$/.exec(options.url)?.[1]
    if (!id || gone.includes(id) || !types[id]) return errorResponse(404, 'not_found', '没有找到要查看的内容')
    return { statusCode: 200, data: new ArrayBuffer(8), header: { 'content-type': types[id]! } }
  }
}

const created: string[] = []
beforeEach(() => {
  created.length = 0
  // jsdom draws no pictures and makes no blob: URLs; count the ones the app makes.
  URL.createObjectURL = ((blob: Blob) => {
    created.push(blob.type)
    return `blob:thumb-${created.length}`
  }) as typeof URL.createObjectURL
  URL.revokeObjectURL = () => undefined
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('choosing photos: every file is accounted for', () => {
  test('the type comes from the bytes, by the signatures the server reads', () => {
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffMediaType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png')
    expect(sniffMediaType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp')
    expect(sniffMediaType(bytes([0, 0, 0, 0x18], 'ftypheic'))).toBe('image/heic')
    expect(sniffMediaType(bytes('%PDF-1.4'))).toBe('application/pdf')
    expect(sniffMediaType(bytes([0, 0, 0, 0x18], 'ftypmp42'))).toBeNull()
    expect(sniffMediaType(bytes('这是一段文字'))).toBeNull()
  })

  test('a text file named .jpg and random bytes are refused with the reason; an empty file too', async () => {
    const { fake, decoded } = imaging([])
    await expect(prepareFile(textAsJpg, fake)).resolves.toEqual({ name: '发票.jpg', refused: ui.claim.fileNotPhoto })
    await expect(prepareFile(randomBytes, fake)).resolves.toEqual({ name: 'IMG_0001.jpg', refused: ui.claim.fileNotPhoto })
    await expect(prepareFile(fileOf('空.jpg', new Uint8Array(0)), fake)).resolves.toEqual({ name: '空.jpg', refused: ui.claim.fileEmpty })
    expect(decoded).toEqual([])
  })

  test('a HEIC the browser cannot draw is sent as it is (no shrinking), with no thumbnail; a PDF is not even drawn', async () => {
    const { fake, decoded } = imaging([])
    const picked = await prepareFile(heic, fake)
    expect(picked).toEqual({ preview: null, source: heic, mediaType: 'image/heic', name: 'IMG_0002.HEIC' })
    await expect(prepareFile(pdf, fake)).resolves.toEqual({ preview: null, source: pdf, mediaType: 'application/pdf', name: '电子发票.pdf' })
    expect(decoded).toEqual(['IMG_0002.HEIC'])
  })

  test('a photo the browser draws is shrunk and previewed; one too large to send even so is refused', async () => {
    const { fake } = imaging([png])
    const picked = await prepareFile(png, fake)
    expect(picked).toMatchObject({ preview: 'blob:preview', mediaType: 'image/jpeg', name: 'slip.png' })
    expect((picked as { source: Blob }).source.size).toBe(5)

    const huge = fileOf('huge.heic', bytes([0, 0, 0, 0x18], 'ftypheic'))
    Object.defineProperty(huge, 'size', { value: MAX_UPLOAD_BYTES + 1 })
    await expect(prepareFile(huge, fake)).resolves.toEqual({ name: 'huge.heic', refused: fillTemplate(ui.claim.fileTooLarge, { limit: '10 MB' }) })
  })

  test('H5: the real chooser hands back the refused files with their reasons (it used to drop them without a word)', async () => {
    const choosing = platformPhotos.choose()
    const input = document.querySelector('input[type="file"]') as HTMLInputElement
    expect(input).toBeTruthy()
    expect(input.multiple).toBe(true)
    Object.defineProperty(input, 'files', { value: [textAsJpg, randomBytes] })
    fireEvent.change(input)
    await expect(choosing).resolves.toEqual([
      { name: '发票.jpg', refused: ui.claim.fileNotPhoto },
      { name: 'IMG_0001.jpg', refused: ui.claim.fileNotPhoto },
    ])
    expect(document.querySelector('input[type="file"]')).toBeNull()
  })

  test('in the list: a refused file has its row and reason where it would have been; a HEIC is uploaded as is and shown as a tile', async () => {
    const { fake } = imaging([png])
    const picked = [await prepareFile(textAsJpg, fake), await prepareFile(heic, fake), await prepareFile(png, fake)]
    const { service, sent } = pickerOf(picked)
    render(<ClaimForm enrolments={[enrolmentFixture()]} photos={service} initial={newDraft()} restored={false} onSubmitted={() => undefined} />)
    await act(async () => {
      fireEvent.click(byId('claim-add-photos'))
    })
    await waitFor(() => expect(byId('photo-2-status').textContent).toBe(ui.claim.uploaded))

    expect(byId('photo-0-status').textContent).toBe(`“发票.jpg”没有添加：${ui.claim.fileNotPhoto}`)
    expect(byId('photo-0').className).toContain('is-refused')
    expect(document.getElementById('photo-0-kinds')).toBeNull()
    expect(document.getElementById('photo-0-retry')).toBeNull()

    expect(byId('photo-1-status').textContent).toBe(ui.claim.uploaded)
    expect(byId('photo-1-thumb').textContent).toBe(ui.claim.tileHeic)
    expect(byId('photo-1-as-is').textContent).toBe(ui.claim.sentAsIs)
    expect(sent[0]).toMatchObject({ source: heic, mediaType: 'image/heic' })
    // The first photo actually added gets the first kind (invoice), whatever was refused before it.
    expect(byId('photo-1-kind-invoice').className).toContain('is-active')
    expect(byId('photo-2-thumb').getAttribute('src')).toBe('blob:preview')

    // The refused row holds nothing back: only the uploads are kept in the draft, and "知道了" clears the row.
    expect(readDraft()!.photos).toEqual([
      expect.objectContaining({ uploadId: 'upl_1', mediaType: 'image/heic' }),
      expect.objectContaining({ uploadId: 'upl_2', mediaType: 'image/jpeg' }),
    ])
    fireEvent.click(byId('photo-0-remove'))
    expect(byId('photo-0-thumb').textContent).toBe(ui.claim.tileHeic)
  })

  test('a file the server will not take (415) is marked refused with the server’s words, not offered for retry', async () => {
    const service: PhotoService = {
      choose: () => Promise.resolve([{ preview: null, source: 'x', mediaType: 'image/heic', name: 'IMG_0003.HEIC' }]),
      upload: () => Promise.reject(new ApiError('http', { status: 415, code: 'unsupported_media_type', message: '不支持的文件类型，请上传照片（JPG、PNG、WebP、HEIC）或 PDF' })),
    }
    render(<ClaimForm enrolments={[enrolmentFixture()]} photos={service} initial={newDraft()} restored={false} onSubmitted={() => undefined} />)
    await act(async () => {
      fireEvent.click(byId('claim-add-photos'))
    })
    await waitFor(() => expect(byId('photo-0').className).toContain('is-refused'))
    expect(byId('photo-0-status').textContent).toBe('“IMG_0003.HEIC”没有添加：不支持的文件类型，请上传照片（JPG、PNG、WebP、HEIC）或 PDF')
    expect(document.getElementById('photo-0-retry')).toBeNull()
  })
})

describe('a kept draft after a reload: its photos come back', () => {
  test('uploaded photos are fetched back with the member’s token and shown; a HEIC is a tile; a photo gone asks to be sent again', async () => {
    setToken('tok-rider')
    setRequestHandler(contentServer({ upl_1: 'image/jpeg', upl_2: 'image/jpeg' }, ['upl_2']))
    saveDraft({
      ...newDraft(),
      diagnosis: '骨折',
      photos: [
        { key: 'a', uploadId: 'upl_1', kind: 'invoice' },
        { key: 'b', uploadId: 'upl_2', kind: 'settlement_slip', mediaType: 'image/jpeg' },
        { key: 'c', uploadId: 'upl_3', kind: 'other', mediaType: 'image/heic' },
      ],
    })
    render(<ClaimForm enrolments={[enrolmentFixture()]} photos={pickerOf([]).service} initial={readDraft()!} restored onSubmitted={() => undefined} />)

    await waitFor(() => expect(byId('photo-0-thumb').getAttribute('src')).toBe('blob:thumb-1'))
    expect(byId('photo-0-thumb').tagName).toBe('IMG')
    expect(created).toEqual(['image/jpeg'])
    const fetched = requests.filter((r) => r.url.endsWith('/content'))
    expect(fetched.map((r) => r.url)).toEqual(['/api/v1/uploads/upl_1/content', '/api/v1/uploads/upl_2/content'])
    expect(fetched[0]!.header?.Authorization).toBe('Bearer tok-rider')

    await waitFor(() => expect(byId('photo-1-unavailable').textContent).toBe(ui.claim.photoUnavailable))
    expect(byId('photo-1-thumb').textContent).toBe(ui.claim.photoFailedTile)
    expect(byId('photo-2-thumb').textContent).toBe(ui.claim.tileHeic)
    // No grey box anywhere: every thumbnail is a picture or says what it is.
    for (const i of [0, 1, 2]) expect(byId(`photo-${i}-thumb`).tagName === 'IMG' || byId(`photo-${i}-thumb`).textContent !== '').toBe(true)
  })
})

describe('the rider’s own claim: what they sent', () => {
  const sentClaim: Claim = claimFixture({
    status: 'in_review',
    figures: { totalCostFen: 1_500_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_050, deductiblePaidFen: 120_000, hospitalDays: 12 },
    invoiceNumbers: ['61002611250001'],
    documents: [
      { uploadId: 'upl_1', kind: 'invoice', mediaType: 'image/jpeg', size: 1000 },
      { uploadId: 'upl_2', kind: 'settlement_slip', mediaType: 'image/png', size: 1000 },
      { uploadId: 'upl_3', kind: 'discharge_summary', mediaType: 'application/pdf', size: 1000 },
    ],
  })

  test('the settlement figures in yuan (from fen), days, invoice numbers', async () => {
    setRequestHandler(contentServer({}))
    render(<ClaimDetailView claim={sentClaim} photos={pickerOf([]).service} onChange={() => undefined} />)
    expect(byId('claim-sent-totalCostFen').textContent).toBe('¥15,000.00')
    expect(byId('claim-sent-pooledOutOfPocketFen').textContent).toBe('¥8,000.00')
    expect(byId('claim-sent-supplementaryOutOfPocketFen').textContent).toBe('¥2,000.50')
    expect(byId('claim-sent-deductiblePaidFen').textContent).toBe('¥1,200.00')
    expect(byId('claim-sent-hospitalDays').textContent).toBe('12 天')
    expect(byId('claim-sent-invoices').textContent).toBe('61002611250001')
    expect(byId('claim-sent-figures').textContent).toContain(ui.claim.pooledOutOfPocket)
    // (No photos on this server: each says it cannot be shown, never a blank box.)
    await waitFor(() => expect(byId('claim-photo-0-tile').textContent).toBe(ui.claim.photoFailedTile))
  })

  test('the photos as thumbnails fetched with the member’s token; tap one to see it large; a PDF is a tile', async () => {
    setToken('tok-rider')
    setRequestHandler(contentServer({ upl_1: 'image/jpeg', upl_2: 'image/png', upl_3: 'application/pdf' }))
    render(<ClaimDetailView claim={sentClaim} photos={pickerOf([]).service} onChange={() => undefined} />)

    await waitFor(() => expect(document.getElementById('claim-photo-1-image')).not.toBeNull())
    await waitFor(() => expect(document.getElementById('claim-photo-0-image')).not.toBeNull())
    const fetched = requests.filter((r) => r.url.endsWith('/content'))
    expect(fetched.map((r) => r.url).sort()).toEqual(['/api/v1/uploads/upl_1/content', '/api/v1/uploads/upl_2/content'])
    expect(fetched.every((r) => r.header?.Authorization === 'Bearer tok-rider')).toBe(true)
    expect(byId('claim-photo-2-tile').textContent).toBe(ui.claim.tilePdf)
    expect(byId('claim-photo-0').textContent).toContain('发票')

    const src = byId('claim-photo-0-image').getAttribute('src')!
    fireEvent.click(byId('claim-photo-0-image'))
    expect(previews).toEqual([{ urls: [src], current: src }])
  })
})
