import { unseal } from '../../crypto/personal-data'
import {
  addTestPayeeAccount, claimant, fillProfile, freshCardNumber, inpatientClaim, loginAs, postClaim, startAppWithEveryRole, submitTestClaim, uploadPhoto,
  type EveryRole, type TestApp, type TestUser,
} from '../../../test/helpers'

let app: TestApp
let roles: EveryRole
beforeAll(async () => ({ app, users: roles } = await startAppWithEveryRole()))
afterAll(() => app.close())

const add = (user: TestUser, body: unknown) => app.api.post('/api/v1/me/payee-accounts', body, { token: user.token })
const list = async (user: TestUser) => (await app.api.get('/api/v1/me/payee-accounts', { token: user.token })).body
const accountCount = async () => Number((await app.db.selectFrom('payee_accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

async function member(name = '王小明'): Promise<TestUser> {
  const user = await loginAs(app)
  await fillProfile(app, user, { name })
  return user
}

describe('a member’s payee accounts', () => {
  test('added in the profile’s name, the number as typed with spaces, shown masked; the first is the default', async () => {
    const user = await member()
    const res = await add(user, { holderName: '王小明', bankName: '中国工商银行西安雁塔支行', accountNumber: '6222 0212 3456 7890 128' })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      id: expect.stringMatching(/^pya_/), holderName: '王小明', bankName: '中国工商银行西安雁塔支行', numberMasked: '6222 **** **** 0128',
      isDefault: true, createdAt: expect.any(String),
    })
    expect(await list(user)).toEqual({ accounts: [res.body], holderName: '王小明' })
  })

  test('the number is encrypted at rest, bound to its row, and never in an answer or a log', async () => {
    const user = await member()
    const number = freshCardNumber()
    const id = await addTestPayeeAccount(app, user, { accountNumber: number })
    const row = await app.db.selectFrom('payee_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.number_ciphertext).not.toContain(number)
    expect(row.number_ciphertext).not.toContain(number.slice(-8))
    expect(unseal(app.protector, 'payee_accounts.number', id, row.number_ciphertext)).toBe(number)
    expect(() => unseal(app.protector, 'payee_accounts.number', 'pya_01JAAAAAAAAAAAAAAAAAAAAAAA', row.number_ciphertext)).toThrow()
    expect(JSON.stringify(await list(user))).not.toContain(number.slice(4, -4))
    expect(app.logs()).not.toContain(number)
  })

  test('refused, changing nothing: another holder (422), a wrong number (400 with the field’s Chinese message), the same number twice (409), no profile (403)', async () => {
    const user = await member('李四')
    const before = await accountCount()
    const other = await add(user, { holderName: '张三', bankName: '中国银行', accountNumber: freshCardNumber() })
    expect([other.status, other.body.error.code, other.body.error.message]).toEqual([422, 'payee_holder_not_profile_name', '只能添加本人的账户：户名须与实名信息中的姓名“李四”一致'])
    const typo = await add(user, { holderName: '李四', bankName: '中国银行', accountNumber: '6222021234567890127' })
    expect([typo.status, typo.body.error.code]).toEqual([400, 'validation_failed'])
    expect(typo.body.error.details).toEqual([{ path: 'accountNumber', code: 'bank_account_checksum', message: '银行卡号校验不通过，可能有一位输错了，请对照银行卡逐位核对' }])
    const short = await add(user, { holderName: '李四', bankName: '中国银行', accountNumber: '1234 5678' })
    expect(short.body.error.details).toEqual([{ path: 'accountNumber', code: 'bank_account_length', message: '银行卡号或账号应为12至30位数字，现在是8位' }])
    const letters = await add(user, { holderName: '李四', bankName: '', accountNumber: '6222-0212' })
    expect(letters.body.error.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`)).toEqual(['bankName:bank_name_required', 'accountNumber:bank_account_characters'])
    // A passbook account of 19 digits not beginning with 62 has no check digit to test.
    expect((await add(user, { holderName: '李四', bankName: '中国农业银行', accountNumber: '3700021209024512345' })).status).toBe(201)
    const twice = await add(user, { holderName: '李四', bankName: '另一家', accountNumber: '3700 0212 0902 4512 345' })
    expect([twice.status, twice.body.error.code]).toEqual([409, 'payee_account_exists'])
    const nobody = await loginAs(app)
    const noProfile = await add(nobody, { holderName: '李四', bankName: '中国银行', accountNumber: freshCardNumber() })
    expect([noProfile.status, noProfile.body.error.code]).toEqual([403, 'profile_required'])
    expect(await list(nobody)).toEqual({ accounts: [], holderName: null })
    expect(await accountCount()).toBe(before + 1)
  })

  test('several accounts: one default, chosen when added or later; at most ten', async () => {
    const user = await member()
    const first = await addTestPayeeAccount(app, user)
    const second = await addTestPayeeAccount(app, user, { makeDefault: true })
    const third = await addTestPayeeAccount(app, user)
    expect((await list(user)).accounts.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault])).toEqual([[second, true], [third, false], [first, false]])
    const changed = await app.api.put(`/api/v1/me/payee-accounts/${first}/default`, {}, { token: user.token })
    expect(changed.status).toBe(200)
    expect(changed.body.accounts.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault])).toEqual([[first, true], [third, false], [second, false]])
    for (let i = 3; i < 10; i++) await addTestPayeeAccount(app, user)
    const eleventh = await add(user, { holderName: '王小明', bankName: '中国银行', accountNumber: freshCardNumber() })
    expect([eleventh.status, eleventh.body.error.message]).toEqual([422, '最多添加 10 个收款账户，请先删除不用的账户'])
  })

  test('deleted unless an unpaid claim is to be paid to it; the default passes to the newest other', async () => {
    const rider = await claimant(app)
    const spare = await addTestPayeeAccount(app, rider)
    const claim = await submitTestClaim(app, rider)
    expect(claim.payeeAccount).toEqual({ id: rider.payeeAccountId, holderName: '测试会员', bankName: '中国工商银行西安雁塔支行', numberMasked: expect.stringMatching(/^6222 \*{4} \*{4} \d{4}$/) })

    const inUse = await app.api.delete(`/api/v1/me/payee-accounts/${rider.payeeAccountId}`, { token: rider.token })
    expect([inUse.status, inUse.body.error.code, inUse.body.error.details]).toEqual([409, 'payee_account_in_use', [{ claimId: claim.id }]])
    // The member pays the claim to the other account instead: then the first may go, and the other becomes the default.
    const moved = await app.api.put(`/api/v1/claims/${claim.id}/payee-account`, { payeeAccountId: spare }, { token: rider.token })
    expect(moved.status).toBe(200)
    expect(moved.body.payeeAccount.id).toBe(spare)
    expect(moved.body.history.at(-1)).toMatchObject({ status: 'submitted', actorRole: 'member', note: expect.stringMatching(/^收款账户改为：中国工商银行西安雁塔支行 6222 \*{4} \*{4} \d{4}$/) })
    expect((await app.api.delete(`/api/v1/me/payee-accounts/${rider.payeeAccountId}`, { token: rider.token })).status).toBe(204)
    expect((await list(rider)).accounts).toEqual([expect.objectContaining({ id: spare, isDefault: true })])
    // The deleted account names nothing any more, for a new claim either.
    const reuse = await postClaim(app, rider, inpatientClaim(rider.enrolmentId, [await uploadPhoto(app, rider)], { payeeAccountId: rider.payeeAccountId }))
    expect([reuse.status, reuse.body.error.code]).toEqual([422, 'payee_account_not_found'])
  })

  test('another member’s account is nobody else’s business: 404, and no claim of theirs can name it', async () => {
    const owner = await claimant(app)
    const other = await claimant(app)
    expect((await app.api.put(`/api/v1/me/payee-accounts/${owner.payeeAccountId}/default`, {}, { token: other.token })).status).toBe(404)
    expect((await app.api.delete(`/api/v1/me/payee-accounts/${owner.payeeAccountId}`, { token: other.token })).status).toBe(404)
    const claim = await postClaim(app, other, inpatientClaim(other.enrolmentId, [await uploadPhoto(app, other)], { payeeAccountId: owner.payeeAccountId }))
    expect([claim.status, claim.body.error.details]).toEqual([422, [{ path: 'payeeAccountId', code: 'payee_account_not_found' }]])
    expect((await list(owner)).accounts).toEqual([expect.objectContaining({ id: owner.payeeAccountId, isDefault: true })])
  })

  test('a claim names where it is paid: required, the holder masked for staff, in full for its member and a reviewer', async () => {
    const rider = await claimant(app, { profile: { name: '赵敏' } })
    const body = inpatientClaim(rider.enrolmentId, [await uploadPhoto(app, rider)])
    const missing = await app.api.post('/api/v1/claims', body, { token: rider.token, headers: { 'idempotency-key': 'no-payee-0001' } })
    expect([missing.status, missing.body.error.details]).toEqual([400, [{ path: 'payeeAccountId', code: 'field_required', message: '此项必填' }]])
    const claim = await submitTestClaim(app, rider)
    const asStaff = await app.api.get(`/api/v1/claims/${claim.id}`, { token: roles.staff.token })
    expect(asStaff.body.payeeAccount).toMatchObject({ id: rider.payeeAccountId, holderName: '赵*' })
    const asReviewer = await app.api.get(`/api/v1/claims/${claim.id}`, { token: roles.reviewer.token })
    expect(asReviewer.body.payeeAccount).toMatchObject({ holderName: '赵敏' })
    expect(claim.payeeAccount).toMatchObject({ holderName: '赵敏' })
  })

  test('a claim’s account changes only to one of the member’s own, in their name, while it is not yet at the bank', async () => {
    const rider = await claimant(app)
    const claim = await submitTestClaim(app, rider)
    const stranger = await claimant(app)
    const theirs = await app.api.put(`/api/v1/claims/${claim.id}/payee-account`, { payeeAccountId: stranger.payeeAccountId }, { token: rider.token })
    expect([theirs.status, theirs.body.error.code]).toEqual([422, 'payee_account_not_found'])
    expect((await app.api.put(`/api/v1/claims/${claim.id}/payee-account`, { payeeAccountId: rider.payeeAccountId }, { token: stranger.token })).status).toBe(404)
    const withdrawn = await app.api.post(`/api/v1/claims/${claim.id}/withdraw`, {}, { token: rider.token })
    expect(withdrawn.status).toBe(200)
    const spare = await addTestPayeeAccount(app, rider)
    const closed = await app.api.put(`/api/v1/claims/${claim.id}/payee-account`, { payeeAccountId: spare }, { token: rider.token })
    expect([closed.status, closed.body.error.code, closed.body.error.message]).toEqual([409, 'claim_payee_not_changeable', '这笔理赔已撤回，不能再更换收款账户'])
    const row = await app.db.selectFrom('claims').select('payee_account_id').where('id', '=', claim.id).executeTakeFirstOrThrow()
    expect(row.payee_account_id).toBe(rider.payeeAccountId)
  })
})
