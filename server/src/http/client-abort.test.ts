import { readdirSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { giveMedicalConsent, loginAs, makePng, startAppWithEveryRole, XLSX, type EveryRole, type TestApp } from '../../test/helpers'

let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

interface LogLine { level: number; msg: string; reqId?: string; status?: number; err?: unknown }
const lines = (from: number): LogLine[] => app.logs().slice(from).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as LogLine)

/**
 * Declares a 4 MB body, sends the first 256 KB, then closes the connection (a
 * phone losing signal mid-upload); resolves once the server has logged the
 * request's access line.
 */
async function dropMidUpload(path: string, token: string, contentType: string, first: Buffer, requestId: string): Promise<void> {
  await new Promise<void>((done) => {
    const req = request(new URL(path, app.baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': String(4 * 1024 * 1024), 'x-request-id': requestId },
    })
    req.on('error', () => done())
    req.write(Buffer.concat([first, Buffer.alloc(256 * 1024 - first.length, 7)]), () => setTimeout(() => { req.destroy(); done() }, 200))
  })
  for (let i = 0; i < 100 && !lines(0).some((l) => l.reqId === requestId && l.msg === 'request'); i++) await new Promise((r) => setTimeout(r, 20))
  await new Promise((r) => setTimeout(r, 100)) // anything logged late (a socket's error) is there too
}

function expectLoggedOnceAsClientAbort(from: number, requestId: string): void {
  const logged = lines(from)
  expect(logged.filter((l) => l.level >= 50)).toEqual([])
  const own = logged.filter((l) => l.reqId === requestId)
  expect(own.filter((l) => l.msg !== 'request')).toEqual([expect.objectContaining({ level: 30, msg: 'client closed the connection before the answer' })])
  expect(own.find((l) => l.msg === 'request')).toMatchObject({ level: 30, status: 499 })
}

test('a roster upload the client drops mid-body is one info line (status 499), not a server error; nothing is kept', async () => {
  const from = app.logs().length
  const rosters = (await app.db.selectFrom('rosters').select('id').execute()).length
  await dropMidUpload(`/api/v1/units/${users.unitId}/rosters?catalogueId=shaanxi-gig-2023`, users.unit_admin.token, XLSX, Buffer.from('PK\u0003\u0004'), 'abort-roster-1')
  expectLoggedOnceAsClientAbort(from, 'abort-roster-1')
  expect((await app.db.selectFrom('rosters').select('id').execute()).length).toBe(rosters)
  expect(readdirSync(join(app.dataDir, 'tmp'))).toEqual([])
})

test('a photo upload the client drops mid-body is the same: one info line, no 500 internal_error', async () => {
  const member = await loginAs(app)
  await giveMedicalConsent(app, member)
  const from = app.logs().length
  await dropMidUpload('/api/v1/uploads', member.token, 'image/png', makePng(4, 3, 99), 'abort-photo-1')
  expectLoggedOnceAsClientAbort(from, 'abort-photo-1')
  expect(await app.db.selectFrom('uploads').select('id').where('owner_user_id', '=', member.id).execute()).toEqual([])
})
