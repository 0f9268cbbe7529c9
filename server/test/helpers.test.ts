import { parseIdNumber } from '@huzhu/shared'
import { fillProfile, freshIdNumber, loginAs, loginEveryRole, startTestApp, type TestApp } from './helpers'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

describe('test helpers', () => {
  test('freshIdNumber gives valid, distinct numbers with the sex and birth date asked for', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const sex = i % 2 === 0 ? 'M' : 'F'
      const id = freshIdNumber({ sex, birthDate: '1985-06-15' })
      const parsed = parseIdNumber(id, '2026-11-24')
      expect(parsed).toMatchObject({ ok: true, value: { sex, birthDate: '1985-06-15' } })
      seen.add(id)
    }
    expect(seen.size).toBe(2000)
  })

  test('loginAs grants roles; fillProfile fills the real-name profile', async () => {
    const users = await loginEveryRole(app)
    const me = await app.api.get('/api/v1/me', { token: users.unit_admin.token })
    expect(me.body.grants).toEqual([expect.objectContaining({ role: 'unit_admin', unitId: users.unitId })])
    const member = await loginAs(app)
    const profile = await fillProfile(app, member, { occupation: 'courier' })
    expect(profile).toMatchObject({ userId: member.id, occupation: 'courier', mobile: member.phone, masked: false })
  })
})
