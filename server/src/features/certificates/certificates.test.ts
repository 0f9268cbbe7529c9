import { base64UrlDecode, base64UrlEncode, utf8Decode, verifyCertificate } from '@huzhu/shared'
import { fillProfile, loginAs, startAppWithEveryRole, type EveryRole, type TestApp, type TestUser } from '../../../test/helpers'

let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

let ref = 0
async function paidMember(): Promise<{ member: TestUser; id: string; idNumber: string }> {
  const member = await loginAs(app)
  const profile = await fillProfile(app, member, { name: '李小龙' })
  const res = await app.api.post('/api/v1/me/enrolments', { catalogueId: 'shaanxi-gig-2023', products: ['ZY'] }, { token: member.token })
  return { member, id: res.body.id, idNumber: profile.idNumber as string }
}
const payFor = (id: string) => app.api.post('/api/v1/payments', { catalogueId: 'shaanxi-gig-2023', reference: `REF-${++ref}-0000`, amountFen: 10000, enrolmentIds: [id] }, { token: users.staff.token })
const card = (id: string, user: TestUser) => app.api.get(`/api/v1/enrolments/${id}/certificate`, { token: user.token })
const check = (payload: string, user: TestUser = users.staff) => app.api.post('/api/v1/certificates/checks', { payload }, { token: user.token })

describe('member cards', () => {
  test('only an active enrolment has a card: a small signed payload with masked identity, verifiable offline', async () => {
    const { member, id, idNumber } = await paidMember()
    const pending = await card(id, member)
    expect([pending.status, pending.body.error.code]).toEqual([409, 'certificate_not_available'])
    expect((await payFor(id)).status).toBe(201)
    const res = await card(id, member)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ enrolmentId: id, keyId: expect.any(String), validFrom: '2026-11-25', validTo: '2027-11-24' })
    const payload: string = res.body.payload
    expect(payload.length).toBeLessThan(400)
    const body = JSON.parse(utf8Decode(base64UrlDecode(payload.split('.')[1]!)!)!)
    expect(body).toMatchObject({ e: id, n: '李**', i: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`, c: 'shaanxi-gig-2023', p: ['ZY'], s: '2026-11-25', u: '2027-11-24' })
    expect(payload).not.toContain(idNumber)
    const keys = await app.api.get('/api/v1/certificates/keys')
    expect(keys.status).toBe(200)
    const publicKeys = new Map<string, Uint8Array>(keys.body.keys.map((k: { keyId: string; publicKey: string }) => [k.keyId, base64UrlDecode(k.publicKey)!]))
    expect(verifyCertificate(payload, publicKeys, '2026-12-01')).toMatchObject({ ok: true, status: 'valid' })
    expect((await card(id, users.staff)).status).toBe(200)
  })

  test('another member or another unit’s admin cannot fetch a card (404); a malformed id is a 400', async () => {
    const { id } = await paidMember()
    await payFor(id)
    const other = await loginAs(app)
    expect((await card(id, other)).status).toBe(404)
    expect((await card(id, users.unit_admin)).status).toBe(404)
    expect((await app.api.get('/api/v1/enrolments/bad/certificate', { token: other.token })).status).toBe(400)
  })

  test('desk check: not started, valid, tampered, cancelled; staff only', async () => {
    const { member, id } = await paidMember()
    await payFor(id)
    const payload: string = (await card(id, member)).body.payload
    const early = await check(payload)
    expect(early.status).toBe(200)
    expect(early.body).toMatchObject({ verdict: 'not_started', message: '保障尚未开始', enrolment: { id } })
    app.clock.advance(2 * 86_400_000)
    const valid = await check(payload)
    expect(valid.body).toMatchObject({ verdict: 'valid', message: '保障有效', enrolment: { id, person: { name: '李小龙', idNumber: expect.stringContaining('*') } } })
    const [prefix, body, signature] = payload.split('.')
    const forged = JSON.parse(utf8Decode(base64UrlDecode(body!)!)!)
    forged.u = '2099-12-31'
    const tampered = await check(`${prefix}.${base64UrlEncode(new TextEncoder().encode(JSON.stringify(forged)))}.${signature}`)
    expect(tampered.body).toEqual({ verdict: 'invalid', message: '保障卡二维码无效或已被篡改', enrolment: null })
    expect((await check('not a card')).body.verdict).toBe('invalid')
    expect((await check('')).status).toBe(400)
    expect((await check(payload, member)).status).toBe(403)
    expect((await check(payload, users.reviewer)).body.verdict).toBe('valid')
    expect((await check(payload, users.unit_admin)).status).toBe(403)
    expect((await app.api.post(`/api/v1/enrolments/${id}/cancel`, undefined, { token: users.staff.token })).status).toBe(200)
    expect((await check(payload)).body).toMatchObject({ verdict: 'cancelled', message: '这份保障已取消' })
    const after = await card(id, member)
    expect([after.status, after.body.error.code]).toEqual([409, 'enrolment_already_cancelled'])
  })
})
