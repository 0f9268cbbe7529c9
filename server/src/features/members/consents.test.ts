import { idCheckCharacter } from '@huzhu/shared'
import { loginAs, startTestApp, type TestApp, type TestUser } from '../../../test/helpers'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const give = (user: TestUser, body: unknown) => app.api.post('/api/v1/me/consents', body, { token: user.token })
const rows = (userId: string) => app.db.selectFrom('consents').selectAll().where('user_id', '=', userId).orderBy('id').execute()

describe('consents', () => {
  test('records kind, text version, time, IP and request id; lists newest first', async () => {
    const user = await loginAs(app)
    const first = await give(user, { kind: 'privacy_policy', textVersion: '2026-11-01' })
    expect(first.status).toBe(201)
    expect(first.body).toEqual({ id: expect.stringMatching(/^cns_/), kind: 'privacy_policy', textVersion: '2026-11-01', givenAt: expect.any(String), withdrawnAt: null })
    await give(user, { kind: 'sensitive_personal_info', textVersion: 'v2' })
    const list = await app.api.get('/api/v1/me/consents', { token: user.token })
    expect(list.body.consents.map((c: { kind: string }) => c.kind)).toEqual(['sensitive_personal_info', 'privacy_policy'])
    const [row] = await rows(user.id)
    expect(row).toMatchObject({ ip: expect.stringContaining('127.0.0.1'), request_id: expect.any(String), text_version: '2026-11-01' })
  })

  test('bad input is a 400 and records nothing', async () => {
    const user = await loginAs(app)
    expect((await give(user, { kind: 'everything', textVersion: '1' })).status).toBe(400)
    expect((await give(user, { kind: 'privacy_policy', textVersion: 'no spaces allowed' })).status).toBe(400)
    expect((await give(user, { kind: 'privacy_policy' })).status).toBe(400)
    expect(await rows(user.id)).toEqual([])
  })

  test('a member withdraws their own consent; withdrawing the sensitive one blocks saving an ID number', async () => {
    const user = await loginAs(app)
    const given = await give(user, { kind: 'sensitive_personal_info', textVersion: 'v1' })
    expect((await app.api.delete(`/api/v1/me/consents/${given.body.id}`, { token: user.token })).status).toBe(204)
    expect((await app.api.delete(`/api/v1/me/consents/${given.body.id}`, { token: user.token })).status).toBe(204)
    expect((await rows(user.id))[0]?.withdrawn_at).toEqual(expect.any(String))
    const first17 = '61010219900101151'
    const res = await app.api.put('/api/v1/me/profile', {
      name: '王五', idNumber: first17 + idCheckCharacter(first17), mobile: '13800000000', occupation: 'courier', platform: '顺丰',
      basicMedicalInsurance: true, unionMember: true,
    }, { token: user.token })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('consent_required')
  })

  test('a member cannot withdraw another member’s consent (404, unchanged) or see it', async () => {
    const owner = await loginAs(app)
    const other = await loginAs(app)
    const given = await give(owner, { kind: 'privacy_policy', textVersion: 'v1' })
    const res = await app.api.delete(`/api/v1/me/consents/${given.body.id}`, { token: other.token })
    expect(res.status).toBe(404)
    expect((await rows(owner.id))[0]?.withdrawn_at).toBeNull()
    expect((await app.api.get('/api/v1/me/consents', { token: other.token })).body.consents).toEqual([])
    expect((await app.api.delete('/api/v1/me/consents/not-an-id', { token: owner.token })).status).toBe(400)
  })
})
