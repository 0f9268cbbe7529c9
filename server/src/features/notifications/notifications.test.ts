import {
  claimant, createTestEnrolment, fillProfile, giveMedicalConsent, startAppWithWechat, startTestApp, submitTestClaim, uploadPhoto,
  inpatientClaim, postClaim, type Claimant, type FakeWechat, type TestApp,
} from '../../../test/helpers'

describe('in-app messages', () => {
  let app: TestApp
  let member: Claimant
  beforeAll(async () => {
    app = await startTestApp()
    member = await claimant(app)
    for (let i = 0; i < 3; i++) await submitTestClaim(app, member)
  })
  afterAll(() => app.close())

  const list = (query = '', token = member.token) => app.api.get(`/api/v1/me/notifications${query}`, { token })

  test('newest first with the unread count, paged with nextBefore', async () => {
    const first = await list('?limit=2')
    expect(first.status).toBe(200)
    expect(first.body.unread).toBe(3)
    expect(first.body.notifications).toHaveLength(2)
    expect(first.body.notifications[0]).toEqual({
      id: expect.stringMatching(/^ntf_/), kind: 'claim_submitted', title: '理赔申请已提交', body: expect.stringContaining('前处理完毕'),
      subject: { type: 'claim', id: expect.stringMatching(/^clm_/) }, createdAt: expect.any(String), readAt: null,
    })
    expect(first.body.notifications[0].id > first.body.notifications[1].id).toBe(true)
    const second = await list(`?limit=2&before=${first.body.nextBefore}`)
    expect(second.body).toMatchObject({ notifications: [expect.anything()], nextBefore: null })
  })

  test('marks some, then all, read; another member’s ids are ignored; bad input 400', async () => {
    const other = await claimant(app)
    await submitTestClaim(app, other)
    const theirs = (await list('', other.token)).body.notifications[0].id
    const mine = (await list()).body.notifications
    expect((await app.api.post('/api/v1/me/notifications/read', { ids: [mine[0].id, theirs] }, { token: member.token })).status).toBe(204)
    expect((await list()).body.unread).toBe(2)
    expect((await list('', other.token)).body).toMatchObject({ unread: 1, notifications: [{ readAt: null }] })
    expect((await app.api.post('/api/v1/me/notifications/read', {}, { token: member.token })).status).toBe(204)
    const after = await list()
    expect(after.body.unread).toBe(0)
    expect(after.body.notifications.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true)
    expect((await app.api.post('/api/v1/me/notifications/read', { ids: 'all' }, { token: member.token })).status).toBe(400)
    expect((await list('?before=yesterday')).status).toBe(400)
    expect((await app.api.get('/api/v1/me/notifications')).status).toBe(401)
  })
})

describe('WeChat subscribe messages', () => {
  let app: TestApp
  let wechat: FakeWechat
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ app, wechat, close } = await startAppWithWechat())
  })
  afterAll(() => close())

  /** Waits (bounded) until the message's WeChat state is settled; the send runs after the response. */
  async function settledState(subjectId: string): Promise<string> {
    for (let i = 0; i < 200; i++) {
      const row = await app.db.selectFrom('notifications').select('wechat_state').where('subject_id', '=', subjectId).executeTakeFirst()
      if (row && row.wechat_state !== 'none') return row.wechat_state
      await new Promise((r) => setTimeout(r, 10))
    }
    return 'none'
  }

  async function wechatClaimant(name: string) {
    const session = await app.api.post('/api/v1/auth/wechat-sessions', { code: `ok-${name}` })
    const user = { id: session.body.user.id as string, token: session.body.token as string, phone: '13700000000', roles: ['member' as const] }
    await fillProfile(app, user, { mobile: '13700000001' })
    await giveMedicalConsent(app, user)
    return { ...user, ...(await createTestEnrolment(app, user)) }
  }

  test('a claim status change sends a subscribe message to the member’s openid after the commit', async () => {
    const member = await wechatClaimant('alice')
    const res = await postClaim(app, member, inpatientClaim(member.enrolmentId, [await uploadPhoto(app, member)]))
    expect(res.status).toBe(201)
    expect(await settledState(res.body.id)).toBe('sent')
    expect(wechat.subscribeMessages.at(-1)).toEqual({
      touser: 'openid-alice', template_id: 'tpl-claim-status', page: `claims/detail/index?id=${res.body.id}`, lang: 'zh_CN',
      data: { thing1: { value: '理赔申请已提交' }, thing2: { value: expect.any(String) }, time3: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) } },
    })
    expect(Array.from(wechat.subscribeMessages.at(-1)!.data.thing2!.value).length).toBeLessThanOrEqual(20)
  })

  test('a refused send is logged and marked failed; the request still succeeds; SMS-only members get none', async () => {
    const member = await wechatClaimant('bob')
    wechat.failSubscribe = { count: 1, errcode: 43101 }
    const sent = wechat.subscribeMessages.length
    const res = await postClaim(app, member, inpatientClaim(member.enrolmentId, [await uploadPhoto(app, member)]))
    expect(res.status).toBe(201)
    expect(await settledState(res.body.id)).toBe('failed')
    expect(app.logs()).toContain('wechat subscribe message failed')
    expect(app.logs()).not.toContain('openid-bob')
    const smsOnly = await claimant(app)
    const claim = await submitTestClaim(app, smsOnly)
    await new Promise((r) => setTimeout(r, 50))
    const row = await app.db.selectFrom('notifications').select('wechat_state').where('subject_id', '=', claim.id).executeTakeFirstOrThrow()
    expect(row.wechat_state).toBe('none')
    expect(wechat.subscribeMessages).toHaveLength(sent)
  })
})
