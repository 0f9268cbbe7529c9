import { idCheckCharacter } from '@huzhu/shared'
import { loginAs, startTestApp, type TestApp, type TestUser } from '../../../test/helpers'

let app: TestApp
let admin: TestUser
let staff: TestUser
let member: TestUser
beforeAll(async () => {
  app = await startTestApp()
  admin = await loginAs(app, { roles: ['admin'] })
  staff = await loginAs(app, { roles: ['staff'] })
  member = await loginAs(app)
  await app.api.post('/api/v1/me/consents', { kind: 'sensitive_personal_info', textVersion: 'v1' }, { token: member.token })
  const first17 = '61010219900101171'
  await app.api.put('/api/v1/me/profile', {
    name: '赵六', idNumber: first17 + idCheckCharacter(first17), mobile: '13811112222', occupation: 'ride_hailing', platform: '滴滴',
    basicMedicalInsurance: true, unionMember: false,
  }, { token: member.token })
  for (let i = 0; i < 3; i++) await app.api.get(`/api/v1/members/${member.id}/profile`, { token: staff.token })
})
afterAll(() => app.close())

describe('GET /api/v1/audit-log', () => {
  test('an admin sees who read or changed a member’s data, newest first', async () => {
    const res = await app.api.get(`/api/v1/audit-log?subjectUserId=${member.id}`, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.entries.map((e: { action: string }) => e.action)).toEqual(['read', 'read', 'read', 'create'])
    expect(res.body.entries[0]).toEqual({
      id: expect.stringMatching(/^aud_/), at: expect.any(String), actorUserId: staff.id, subjectUserId: member.id, action: 'read',
      resource: 'member_profile', fields: ['idNumber', 'mobile'], ip: expect.any(String), requestId: expect.any(String),
    })
    expect(res.body.nextBefore).toBeNull()
    const byActor = await app.api.get(`/api/v1/audit-log?actorUserId=${member.id}`, { token: admin.token })
    expect(byActor.body.entries.map((e: { action: string }) => e.action)).toEqual(['create'])
  })

  test('pages with nextBefore', async () => {
    const first = await app.api.get(`/api/v1/audit-log?subjectUserId=${member.id}&limit=3`, { token: admin.token })
    expect(first.body.entries).toHaveLength(3)
    const second = await app.api.get(`/api/v1/audit-log?subjectUserId=${member.id}&limit=3&before=${first.body.nextBefore}`, { token: admin.token })
    expect(second.body.entries.map((e: { action: string }) => e.action)).toEqual(['create'])
    expect(second.body.nextBefore).toBeNull()
  })

  test('bad query is a 400; only admins may read it', async () => {
    expect((await app.api.get('/api/v1/audit-log?limit=0', { token: admin.token })).status).toBe(400)
    expect((await app.api.get('/api/v1/audit-log?subjectUserId=bob', { token: admin.token })).status).toBe(400)
    expect((await app.api.get('/api/v1/audit-log', { token: staff.token })).status).toBe(403)
    expect((await app.api.get(`/api/v1/audit-log?subjectUserId=${member.id}`, { token: member.token })).status).toBe(403)
  })
})
