import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { DiskBlobStore } from '../../files/disk-blob-store'
import {
  giveMedicalConsent, loginAs, makeJpeg, makePdf, makePng, postUpload, startTestApp, type TestApp, type TestUser,
} from '../../../test/helpers'
import { photoKey } from './upload-files'

// Every test runs with the photos on disk under the data folder and in an S3-compatible store (a local fake that checks signatures).
describe.each(['disk', 's3'] as const)('uploads kept on %s', (blobStore) => {
  let app: TestApp
  let member: TestUser
  beforeAll(async () => {
    app = await startTestApp({ blobStore })
    member = await loginAs(app)
    await giveMedicalConsent(app, member)
  })
  afterAll(() => app.close())

  /** Every stored blob with its size, and every file in the node's temporary area. */
  async function storedFiles(of: TestApp = app): Promise<string[]> {
    const out: string[] = []
    for await (const key of of.deps.blobs.list('uploads/')) out.push(`${key}:${(await of.deps.blobs.stat(key))?.size}`)
    for (const name of tempFiles(of)) out.push(`tmp/${name}`)
    return out.sort()
  }
  const tempFiles = (of: TestApp = app) => (existsSync(join(of.dataDir, 'tmp')) ? readdirSync(join(of.dataDir, 'tmp')) : [])
  /** The stored bytes of a key, read straight from the disk or the fake S3 (not through the app). */
  function storedBytes(of: TestApp, key: string): Buffer | undefined {
    if (of.s3) return of.s3.objects.get(key)?.body
    const path = new DiskBlobStore(of.dataDir).pathOf(key)
    return existsSync(path) ? readFileSync(path) : undefined
  }
  /** Writes bytes under a key behind the app's back (a damaged store). */
  function putBehindTheBack(of: TestApp, key: string, bytes: Buffer): void {
    if (of.s3) {
      of.s3.objects.set(key, { body: bytes, contentType: 'image/png', serverSideEncryption: 'AES256', etag: 'x', lastModified: new Date() })
      return
    }
    const path = new DiskBlobStore(of.dataDir).pathOf(key)
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, bytes)
  }
  const uploadRows = () => app.db.selectFrom('uploads').selectAll().orderBy('id').execute()

  describe('POST /api/v1/uploads', () => {
    test('stores a PNG by its SHA-256 under uploads/ab/cd/, with type and size from the bytes', async () => {
      const png = makePng(40, 30, 7)
      const res = await postUpload(app, member, png, 'application/octet-stream')
      expect(res.status).toBe(201)
      const sha256 = createHash('sha256').update(png).digest('hex')
      expect(res.body).toEqual({ id: expect.stringMatching(/^upl_/), mediaType: 'image/png', size: png.length, sha256, width: 40, height: 30, createdAt: expect.any(String) })
      expect(photoKey(sha256)).toBe(`uploads/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`)
      expect(storedBytes(app, photoKey(sha256))?.equals(png)).toBe(true)
      if (app.s3) {
        // Sent with server-side encryption and its media type; nothing left in this node's temporary area.
        expect(app.s3.objects.get(photoKey(sha256))).toMatchObject({ serverSideEncryption: 'AES256', contentType: 'image/png' })
        expect(app.s3.refused).toEqual([])
      } else {
        expect(existsSync(join(app.dataDir, 'uploads', sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(true)
      }
      expect(tempFiles()).toEqual([])
      const row = await app.db.selectFrom('uploads').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow()
      expect(row.owner_user_id).toBe(member.id)
    })

    test('JPEG and PDF are accepted whatever the name says; the same bytes twice are two rows and one file', async () => {
      const jpeg = await postUpload(app, member, makeJpeg(1200, 900, 5000), 'text/plain')
      expect(jpeg.body).toMatchObject({ mediaType: 'image/jpeg', width: 1200, height: 900 })
      const pdf = makePdf('twice')
      const first = await postUpload(app, member, pdf, 'image/jpeg')
      const before = await storedFiles()
      const second = await postUpload(app, member, pdf, 'image/jpeg')
      expect([first.status, second.status]).toEqual([201, 201])
      expect(first.body).toMatchObject({ mediaType: 'application/pdf', width: null, height: null })
      expect(second.body.id).not.toBe(first.body.id)
      expect(second.body.sha256).toBe(first.body.sha256)
      expect(await storedFiles()).toEqual(before)
    })

    test('refusals write nothing: an executable named .jpg 415, 11 MB 413 (declared or streamed), a bomb 422, empty 400', async () => {
      await postUpload(app, member, makePng(2, 2, 99)) // the store exists before the snapshot
      const disk = await storedFiles()
      const rows = await uploadRows()

      const elf = readFileSync(process.execPath).subarray(0, 200_000)
      const exe = await postUpload(app, member, elf, 'image/jpeg')
      expect(exe.status).toBe(415)
      expect(exe.body.error).toEqual({ code: 'unsupported_media_type', message: expect.stringContaining('不支持的文件类型') })
      expect((await postUpload(app, member, Buffer.from('just text, not a photo'), 'image/png')).status).toBe(415)
      expect((await postUpload(app, member, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/svg+xml')).status).toBe(415)

      const big = Buffer.concat([makeJpeg(100, 100), Buffer.alloc(11 * 1024 * 1024, 1)])
      const declared = await postUpload(app, member, big)
      expect(declared.status).toBe(413)
      expect(declared.body.error).toEqual({ code: 'payload_too_large', message: '文件太大，每个文件不能超过 10 MB' })

      // No Content-Length: the limit holds while streaming.
      const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${app.baseUrl}/api/v1/uploads`, { method: 'POST', headers: { authorization: `Bearer ${member.token}`, 'transfer-encoding': 'chunked' } }, (res) => {
          let body = ''
          res.on('data', (c: Buffer) => { body += c.toString() })
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        })
        req.on('error', reject)
        let sent = 0
        const chunk = Buffer.alloc(256 * 1024, 2)
        const pump = () => {
          while (sent < big.length) {
            const part = sent === 0 ? big.subarray(0, chunk.length) : chunk
            sent += part.length
            if (!req.write(part)) return void req.once('drain', pump)
          }
          req.end()
        }
        pump()
      })
      expect(streamed.status).toBe(413)
      expect(JSON.parse(streamed.body).error.code).toBe('payload_too_large')

      const bomb = await postUpload(app, member, makePng(30_000, 30_000, 0, true), 'image/png')
      expect(bomb.status).toBe(422)
      expect(bomb.body.error.code).toBe('image_too_large')
      expect((await postUpload(app, member, makePng(8_000, 8_000, 0, true))).status).toBe(422) // 64 megapixels
      const empty = await postUpload(app, member, Buffer.alloc(0))
      expect(empty.status).toBe(400)
      expect(empty.body.error.code).toBe('upload_empty')

      expect(await storedFiles()).toEqual(disk)
      expect(await uploadRows()).toEqual(rows)
    })

    test('needs the medical_data consent (403, nothing kept) and a session (401)', async () => {
      const fresh = await loginAs(app)
      const disk = await storedFiles()
      const res = await postUpload(app, fresh, makePng(3, 3, 12345))
      expect(res.status).toBe(403)
      expect(res.body.error).toMatchObject({ code: 'consent_required', details: [{ kind: 'medical_data' }] })
      expect(await storedFiles()).toEqual(disk)
      expect(await app.db.selectFrom('uploads').select('id').where('owner_user_id', '=', fresh.id).execute()).toEqual([])
      expect((await app.api.post('/api/v1/uploads', undefined, { rawBody: makePng(3, 3) })).status).toBe(401)
    })
  })

  describe('GET /api/v1/uploads/:uploadId/content', () => {
    test('the owner gets the bytes with their media type; another member, staff and a reviewer get 404 while it is on no claim', async () => {
      const png = makePng(5, 5, 4242)
      const up = await postUpload(app, member, png)
      const res = await fetch(`${app.baseUrl}/api/v1/uploads/${up.body.id}/content`, { headers: { authorization: `Bearer ${member.token}` } })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true)
      for (const other of [await loginAs(app), await loginAs(app, { roles: ['staff'] }), await loginAs(app, { roles: ['reviewer'] })]) {
        const denied = await app.api.get(`/api/v1/uploads/${up.body.id}/content`, { token: other.token })
        expect(denied.status).toBe(404)
        expect(denied.text).not.toContain('PNG')
      }
      expect((await app.api.get('/api/v1/uploads/nope/content', { token: member.token })).status).toBe(400)
      expect((await app.api.get('/api/v1/uploads/upl_01JAAAAAAAAAAAAAAAAAAAAAAA/content', { token: member.token })).status).toBe(404)
    })
  })

  describe('two nodes', () => {
    test('a photo uploaded through one node is read through another (one database, one store)', async () => {
      const other = await startTestApp({ sameDatabaseAs: app })
      try {
        const png = makePng(6, 6, 777)
        const up = await postUpload(app, member, png)
        expect(up.status).toBe(201)
        const res = await fetch(`${other.baseUrl}/api/v1/uploads/${up.body.id}/content`, { headers: { authorization: `Bearer ${member.token}` } })
        expect([res.status, res.headers.get('content-type'), res.headers.get('content-security-policy')]).toEqual([200, 'image/png', "default-src 'none'; sandbox"])
        expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true)
      } finally {
        await other.close()
      }
    })
  })

  describe('a damaged store, a missing consent', () => {
    let fresh: TestApp
    let owner: TestUser
    beforeAll(async () => {
      fresh = await startTestApp({ blobStore })
      owner = await loginAs(fresh)
      await giveMedicalConsent(fresh, owner)
    })
    afterAll(() => fresh.close())

    test('a damaged stored file (not the size of its bytes) is replaced, never served for a new upload of those bytes', async () => {
      const png = makePng(11, 11, 4711)
      const sha256 = createHash('sha256').update(png).digest('hex')
      putBehindTheBack(fresh, photoKey(sha256), png.subarray(0, 20))
      const up = await postUpload(fresh, owner, png)
      expect(up.status).toBe(201)
      expect(storedBytes(fresh, photoKey(sha256))?.equals(png)).toBe(true)
      const content = await fetch(`${fresh.baseUrl}/api/v1/uploads/${up.body.id}/content`, { headers: { authorization: `Bearer ${owner.token}` } })
      expect(Buffer.from(await content.arrayBuffer()).equals(png)).toBe(true)
    })

    test('without the medical_data consent nothing is read or written: 403 comes before the bytes are looked at', async () => {
      const noConsent = await loginAs(fresh)
      const before = await storedFiles(fresh)
      const exe = await postUpload(fresh, noConsent, readFileSync(process.execPath).subarray(0, 100_000), 'image/jpeg')
      expect([exe.status, exe.body.error.code]).toEqual([403, 'consent_required'])
      expect(await storedFiles(fresh)).toEqual(before)
    })
  })
})
