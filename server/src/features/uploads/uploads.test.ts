import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import {
  giveMedicalConsent, loginAs, makeJpeg, makePdf, makePng, postUpload, startTestApp, type TestApp, type TestUser,
} from '../../../test/helpers'

let app: TestApp
let member: TestUser
beforeAll(async () => {
  app = await startTestApp()
  member = await loginAs(app)
  await giveMedicalConsent(app, member)
})
afterAll(() => app.close())

/** Every file under the uploads folder (temporary ones included), with its size. */
function filesOnDisk(): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    let names: string[] = []
    try { names = readdirSync(dir) } catch { return }
    for (const name of names) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(`${path.slice(app.config.uploadsDir.length)}:${statSync(path).size}`)
    }
  }
  walk(app.config.uploadsDir)
  return out.sort()
}
const uploadRows = () => app.db.selectFrom('uploads').selectAll().orderBy('id').execute()

describe('POST /api/v1/uploads', () => {
  test('stores a PNG by its SHA-256 under uploads/ab/cd/, with type and size from the bytes', async () => {
    const png = makePng(40, 30, 7)
    const res = await postUpload(app, member, png, 'application/octet-stream')
    expect(res.status).toBe(201)
    const sha256 = createHash('sha256').update(png).digest('hex')
    expect(res.body).toEqual({ id: expect.stringMatching(/^upl_/), mediaType: 'image/png', size: png.length, sha256, width: 40, height: 30, createdAt: expect.any(String) })
    const path = join(app.config.uploadsDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
    expect(readFileSync(path).equals(png)).toBe(true)
    const row = await app.db.selectFrom('uploads').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow()
    expect(row.owner_user_id).toBe(member.id)
  })

  test('JPEG and PDF are accepted whatever the name says; the same bytes twice are two rows and one file', async () => {
    const jpeg = await postUpload(app, member, makeJpeg(1200, 900, 5000), 'text/plain')
    expect(jpeg.body).toMatchObject({ mediaType: 'image/jpeg', width: 1200, height: 900 })
    const pdf = makePdf('twice')
    const first = await postUpload(app, member, pdf, 'image/jpeg')
    const before = filesOnDisk()
    const second = await postUpload(app, member, pdf, 'image/jpeg')
    expect([first.status, second.status]).toEqual([201, 201])
    expect(first.body).toMatchObject({ mediaType: 'application/pdf', width: null, height: null })
    expect(second.body.id).not.toBe(first.body.id)
    expect(second.body.sha256).toBe(first.body.sha256)
    expect(filesOnDisk()).toEqual(before)
  })

  test('refusals write nothing: an executable named .jpg 415, 11 MB 413 (declared or streamed), a bomb 422, empty 400', async () => {
    await postUpload(app, member, makePng(2, 2, 99)) // the store exists before the snapshot
    const disk = filesOnDisk()
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

    expect(filesOnDisk()).toEqual(disk)
    expect(await uploadRows()).toEqual(rows)
  })

  test('needs the medical_data consent (403, nothing kept) and a session (401)', async () => {
    const fresh = await loginAs(app)
    const disk = filesOnDisk()
    const res = await postUpload(app, fresh, makePng(3, 3, 12345))
    expect(res.status).toBe(403)
    expect(res.body.error).toMatchObject({ code: 'consent_required', details: [{ kind: 'medical_data' }] })
    expect(filesOnDisk()).toEqual(disk)
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

describe('what a crash leaves on disk', () => {
  let fresh: TestApp
  let owner: TestUser
  beforeAll(async () => {
    fresh = await startTestApp()
    owner = await loginAs(fresh)
    await giveMedicalConsent(fresh, owner)
  })
  afterAll(() => fresh.close())

  test('temporary files left by a crashed process are swept before the first upload; one still being written is kept', async () => {
    const tmp = join(fresh.config.uploadsDir, 'tmp')
    mkdirSync(tmp, { recursive: true })
    const crashed = join(tmp, 'a1b2c3d4e5f6a1b2c3d4e5f6.part')
    const live = join(tmp, 'ffffffffffffffffffffffff.part')
    writeFileSync(crashed, makePng(9, 9, 31337).subarray(0, 40))
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000)
    utimesSync(crashed, twoHoursAgo, twoHoursAgo)
    writeFileSync(live, Buffer.alloc(100, 1))
    const res = await postUpload(fresh, owner, makePng(7, 7, 2024))
    expect(res.status).toBe(201)
    expect(existsSync(crashed)).toBe(false)
    expect(existsSync(live)).toBe(true)
    expect(readdirSync(tmp)).toEqual(['ffffffffffffffffffffffff.part'])
  })

  test('a damaged stored file (not the size of its bytes) is replaced, never served for a new upload of those bytes', async () => {
    const png = makePng(11, 11, 4711)
    const sha256 = createHash('sha256').update(png).digest('hex')
    const path = join(fresh.config.uploadsDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, png.subarray(0, 20))
    const up = await postUpload(fresh, owner, png)
    expect(up.status).toBe(201)
    expect(readFileSync(path).equals(png)).toBe(true)
    const content = await fetch(`${fresh.baseUrl}/api/v1/uploads/${up.body.id}/content`, { headers: { authorization: `Bearer ${owner.token}` } })
    expect(Buffer.from(await content.arrayBuffer()).equals(png)).toBe(true)
  })

  test('without the medical_data consent nothing is read or written: 403 comes before the bytes are looked at', async () => {
    const noConsent = await loginAs(fresh)
    const tmpBefore = readdirSync(join(fresh.config.uploadsDir, 'tmp'))
    const exe = await postUpload(fresh, noConsent, readFileSync(process.execPath).subarray(0, 100_000), 'image/jpeg')
    expect([exe.status, exe.body.error.code]).toEqual([403, 'consent_required'])
    expect(readdirSync(join(fresh.config.uploadsDir, 'tmp'))).toEqual(tmpBefore)
  })
})
