import { idCheckCharacter } from '@huzhu/shared'
import { loginAs, startTestApp, type TestApp, type TestUser } from '../../../test/helpers'

const withCheck = (first17: string) => first17 + idCheckCharacter(first17)
let app: TestApp
let staff: TestUser
beforeAll(async () => {
  app = await startTestApp()
  staff = await loginAs(app, { roles: ['staff'] })
})
afterAll(() => app.close())

let idSeq = 100
/** A valid, unused ID number (born 1990-01-01, male). */
const freshId = () => withCheck(`610102199001011${String(idSeq++).slice(-2)}`)

const profile = (idNumber: string, extra: Record<string, unknown> = {}) => ({
  name: '张 三', idNumber, mobile: '138 1234 5678', occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true, ...extra,
})
const consent = (user: TestUser, kind = 'sensitive_personal_info') => app.api.post('/api/v1/me/consents', { kind, textVersion: '2026-11-01' }, { token: user.token })
const put = (user: TestUser, body: unknown) => app.api.put('/api/v1/me/profile', body, { token: user.token })
const auditOf = (subject: string) => app.db.selectFrom('audit_log').selectAll().where('subject_user_id', '=', subject).orderBy('id').execute()
const storedProfile = (userId: string) => app.db.selectFrom('member_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst()

describe('real-name profile', () => {
  test('needs the sensitive-information consent first; nothing is stored without it', async () => {
    const user = await loginAs(app)
    const res = await put(user, profile(freshId()))
    expect(res.status).toBe(403)
    expect(res.body.error).toEqual({ code: 'consent_required', message: '请先阅读并同意相关授权', details: [{ kind: 'sensitive_personal_info' }] })
    expect(await storedProfile(user.id)).toBeUndefined()
    const none = await app.api.get('/api/v1/me/profile', { token: user.token })
    expect([none.status, none.text]).toEqual([204, ''])
  })

  test('saves normalised values, encrypted at rest, and shows them in full to the member', async () => {
    const user = await loginAs(app)
    expect((await consent(user)).status).toBe(201)
    const typed = '１１０１０５１９４９１２３１００２ｘ' // full-width, lower-case x
    const res = await put(user, profile(typed, { name: '李四' }))
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      userId: user.id, name: '李四', idNumber: '11010519491231002X', sex: 'F', birthDate: '1949-12-31', mobile: '13812345678', masked: false,
      occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true, updatedAt: expect.any(String),
    })
    const row = await storedProfile(user.id)
    expect(JSON.stringify(row)).not.toMatch(/11010519491231002X|13812345678/)
    expect(row?.id_number_ciphertext).toMatch(/^v1\./)
    const read = await app.api.get('/api/v1/me/profile', { token: user.token })
    expect(read.body).toEqual(res.body)
    expect((await app.api.get('/api/v1/me', { token: user.token })).body.hasProfile).toBe(true)
    const audit = await auditOf(user.id)
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([['create', user.id], ['read', user.id]])
    expect(JSON.parse(audit[0]!.fields)).toEqual(['name', 'idNumber', 'mobile', 'occupation', 'platform', 'basicMedicalInsurance', 'unionMember'])
    expect(audit[0]).toMatchObject({ ip: expect.stringContaining('127.0.0.1'), request_id: expect.any(String) })
  })

  test('an update is audited with the fields that changed', async () => {
    const user = await loginAs(app)
    await consent(user)
    const id = freshId()
    await put(user, profile(id))
    const res = await put(user, profile(id, { mobile: '13900001111', unionMember: false }))
    expect(res.body).toMatchObject({ mobile: '13900001111', unionMember: false })
    const last = (await auditOf(user.id)).at(-1)!
    expect([last.action, JSON.parse(last.fields)]).toEqual(['update', ['mobile', 'unionMember']])
  })

  test('bad input is a 400 with Chinese reasons per field, and changes nothing', async () => {
    const user = await loginAs(app)
    await consent(user)
    const id = freshId()
    await put(user, profile(id))
    const before = await storedProfile(user.id)
    const res = await put(user, profile('110105194912310021', { mobile: '12345', name: 'X', occupation: 'pilot' }))
    expect(res.status).toBe(400)
    const byPath = Object.fromEntries(res.body.error.details.map((d: { path: string; code: string }) => [d.path, d.code]))
    expect(byPath).toEqual({ idNumber: 'id_checksum', mobile: 'mobile_invalid', name: 'name_invalid', occupation: 'field_invalid' })
    expect((await put(user, profile('110105491231002'))).body.error.details[0].code).toBe('id_first_generation')
    expect((await put(user, { ...profile(id), basicMedicalInsurance: 'yes' })).status).toBe(400)
    expect(await storedProfile(user.id)).toEqual(before)
  })

  test('an ID number another account typed first does not lock the real person out, nor tell whose it is', async () => {
    const first = await loginAs(app)
    const second = await loginAs(app)
    const id = freshId()
    await consent(first)
    await consent(second)
    expect((await put(first, profile(id))).status).toBe(200)
    const res = await put(second, profile(id))
    expect(res.status).toBe(200)
    expect(res.text).not.toContain(first.id)
    expect(await storedProfile(second.id)).toMatchObject({ user_id: second.id })
  })

  test('staff see it masked (birth date to the year), the read audited with who and where', async () => {
    const user = await loginAs(app)
    await consent(user)
    const id = withCheck('11010519800101004')
    await put(user, profile(id))
    const res = await app.api.get(`/api/v1/members/${user.id}/profile`, { token: staff.token, headers: { 'X-Request-Id': 'staff-read-1' } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ idNumber: `1101**********${id.slice(-4)}`, mobile: '138****5678', birthDate: '1980-**-**', masked: true })
    expect(res.text).not.toContain('13812345678')
    const last = (await auditOf(user.id)).at(-1)!
    expect(last).toMatchObject({ action: 'read', actor_user_id: staff.id, request_id: 'staff-read-1', resource: 'member_profile' })
    expect((await app.api.get('/api/v1/members/usr_01JAAAAAAAAAAAAAAAAAAAAAAA/profile', { token: staff.token })).status).toBe(404)
  })

  test('a member cannot read another member’s profile, and the attempt reads nothing', async () => {
    const owner = await loginAs(app)
    const snoop = await loginAs(app)
    await consent(owner)
    await put(owner, profile(freshId()))
    const audits = (await auditOf(owner.id)).length
    const res = await app.api.get(`/api/v1/members/${owner.id}/profile`, { token: snoop.token })
    expect(res.status).toBe(403)
    expect(res.text).not.toContain('1381234')
    expect(await auditOf(owner.id)).toHaveLength(audits)
  })

  test('staff find a member by ID number (masked, audited); a miss is an empty list', async () => {
    const user = await loginAs(app)
    await consent(user)
    const id = freshId()
    await put(user, profile(id))
    const found = await app.api.post('/api/v1/members/search', { idNumber: id.toLowerCase() }, { token: staff.token })
    expect(found.status).toBe(200)
    expect(found.body.members).toEqual([expect.objectContaining({ userId: user.id, masked: true })])
    expect((await auditOf(user.id)).at(-1)).toMatchObject({ action: 'search', actor_user_id: staff.id })
    const miss = await app.api.post('/api/v1/members/search', { idNumber: freshId() }, { token: staff.token })
    expect(miss.body.members).toEqual([])
    expect((await app.api.post('/api/v1/members/search', { idNumber: '123' }, { token: staff.token })).status).toBe(400)
    const member = await loginAs(app)
    expect((await app.api.post('/api/v1/members/search', { idNumber: id }, { token: member.token })).status).toBe(403)
  })
})
