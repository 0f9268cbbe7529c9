import { generateKeyPairSync } from 'node:crypto'
import {
  fillProfile, freshIdNumber, loginAs, setChinaDate, setUnitSelection, startAppWithWechatPay,
  type EveryRole, type FakeWechatPay, type TestApp, type TestUser,
} from '../../../test/helpers'
import { runPaymentJobs, expireUnpaidEnrolments } from './payment-jobs.service'

/**
 * Premiums paid with WeChat Pay (API v3) against a fake of our own that signs
 * with a key pair it generates, so the server's real signing, verification and
 * decryption run. DOMAIN.md: cover never starts before the payment; an instant
 * enrolment's acceptance day is the day it is paid.
 */
let app: TestApp
let users: EveryRole
let fake: FakeWechatPay
beforeAll(async () => {
  ;({ app, users, fake } = await startAppWithWechatPay())
  await setUnitSelection(app, users.unitId, 'shaanxi-gig-2023', ['ZY'])
})
afterAll(async () => {
  await app.close()
  await fake.close()
})

async function pendingRider(): Promise<{ rider: TestUser; enrolmentId: string; premiumFen: number }> {
  const rider = await loginAs(app)
  await fillProfile(app, rider)
  const enrolled = await app.api.post('/api/v1/me/enrolments', { catalogueId: 'shaanxi-gig-2023', products: ['ZY'] }, { token: rider.token })
  expect(enrolled.status).toBe(201)
  return { rider, enrolmentId: enrolled.body.id, premiumFen: enrolled.body.premiumFen }
}

const order = (user: TestUser, enrolmentId: string, body: unknown = { channel: 'h5', returnPath: '/enrol/card/index' }) =>
  app.api.post(`/api/v1/enrolments/${enrolmentId}/payment-orders`, body, { token: user.token })
const enrolment = (id: string) => app.db.selectFrom('enrolments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const paymentsOf = (reference: string | undefined) => app.db.selectFrom('payments').selectAll().where('reference', '=', reference ?? '').execute()

describe('a rider pays their own enrolment', () => {
  test('the app learns that premiums can be paid online, and how long an enrolment waits', async () => {
    expect((await app.api.get('/api/v1/client-config')).body).toMatchObject({ onlinePayment: true, pendingDays: 7 })
  })

  test('H5: the order is the engine’s premium, signed; the cashier pays; the notice activates the cover from the paid day, once', async () => {
    setChinaDate(app, '2026-11-24')
    const { rider, enrolmentId, premiumFen } = await pendingRider()
    // Paid three days later: the acceptance day is the paid day, cover starts the day after.
    setChinaDate(app, '2026-11-27')
    const made = await order(rider, enrolmentId, { channel: 'h5', returnPath: '/enrol/card/index?enrolment=x', amountFen: 1 })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ channel: 'h5', status: 'open', amountFen: premiumFen, enrolmentCount: 1, paidAt: null })
    expect(decodeURIComponent(made.body.h5Url)).toContain(`/enrol/card/index?enrolment=x&order=${made.body.id}`)
    const atFake = fake.orders.get(made.body.id)!
    expect(atFake.body).toMatchObject({ amount: { total: premiumFen, currency: 'CNY' }, scene_info: { h5_info: { type: 'Wap' } }, notify_url: 'https://huzhu.example.org/api/v1/wechat-pay/notices' })
    expect(atFake.body.scene_info.payer_client_ip).toBe('127.0.0.1')
    expect(fake.refusals).toEqual([])

    expect(await fake.pay(made.body.id)).toBe(204)
    const paid = await enrolment(enrolmentId)
    expect(paid).toMatchObject({ status: 'active', accepted_on: '2026-11-27', start_on: '2026-11-28', end_on: '2027-11-27', premium_fen: premiumFen })
    expect(JSON.parse(paid.cover_from)).toEqual({ hospital: '2026-12-28', accident: '2026-11-28' })
    const payment = await paymentsOf(atFake.transaction.transaction_id)
    expect(payment).toEqual([expect.objectContaining({ channel: 'wechat_pay', amount_fen: premiumFen, enrolment_count: 1, id: paid.payment_id })])
    const messages = await app.db.selectFrom('notifications').select(['kind', 'user_id']).where('subject_id', '=', enrolmentId).execute()
    expect(messages).toContainEqual({ kind: 'enrolment_active', user_id: rider.id })

    // WeChat Pay repeats a notice until it hears 2xx: a replay changes nothing.
    expect(await fake.sendNotice(made.body.id)).toBe(204)
    expect(await paymentsOf(atFake.transaction.transaction_id)).toHaveLength(1)
    expect(await enrolment(enrolmentId)).toEqual(paid)
    expect((await app.api.get(`/api/v1/payment-orders/${made.body.id}`, { token: rider.token })).body).toMatchObject({ status: 'paid', paidAt: expect.any(String) })
    // The card is there now.
    expect((await app.api.get(`/api/v1/enrolments/${enrolmentId}/certificate`, { token: rider.token })).status).toBe(200)
  })

  test('a notice with a bad signature is 401; a wrong amount or merchant 400; nothing changes', async () => {
    const { rider, enrolmentId } = await pendingRider()
    const made = await order(rider, enrolmentId)
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    expect(await fake.pay(made.body.id, { forgedWith: forger })).toBe(401)
    expect(await fake.sendNotice(made.body.id, { amountFen: 1 })).toBe(400)
    expect(await fake.sendNotice(made.body.id, { mchid: '1234567890' })).toBe(400)
    expect((await enrolment(enrolmentId)).status).toBe('pending_payment')
    expect(await paymentsOf(fake.orders.get(made.body.id)!.transaction.transaction_id)).toEqual([])
    const unsigned = await app.api.post('/api/v1/wechat-pay/notices', { resource: {} })
    expect([unsigned.status, unsigned.body.error.code]).toEqual([401, 'wechatpay_notice_unverified'])
    // The real notice then goes through.
    expect(await fake.sendNotice(made.body.id)).toBe(204)
    expect((await enrolment(enrolmentId)).status).toBe('active')
  })

  test('the notice lost on the way: the app’s look at the order on return asks WeChat Pay and records the payment', async () => {
    const { rider, enrolmentId } = await pendingRider()
    const made = await order(rider, enrolmentId)
    expect((await app.api.get(`/api/v1/payment-orders/${made.body.id}`, { token: rider.token })).body.status).toBe('open')
    await fake.pay(made.body.id, { silent: true })
    const back = await app.api.get(`/api/v1/payment-orders/${made.body.id}`, { token: rider.token })
    expect(back.body.status).toBe('paid')
    expect(back.body.h5Url).toBeUndefined()
    expect((await enrolment(enrolmentId)).status).toBe('active')
  })

  test('a second tap gives the same order; only the rider may pay in their name; JSAPI needs a WeChat login; a paid enrolment has nothing to pay', async () => {
    const { rider, enrolmentId } = await pendingRider()
    const first = await order(rider, enrolmentId)
    const again = await order(rider, enrolmentId)
    expect(again.body.id).toBe(first.body.id)
    const other = await loginAs(app)
    expect((await order(other, enrolmentId)).status).toBe(404)
    expect((await order(users.staff, enrolmentId, { channel: 'h5' })).status).toBe(403)
    const byQr = await order(users.staff, enrolmentId, { channel: 'native' })
    expect([byQr.status, byQr.body.codeUrl]).toEqual([201, expect.stringMatching(/^weixin:\/\/wxpay\/bizpayurl\?pr=/)])
    const jsapi = await order(rider, enrolmentId, { channel: 'jsapi' })
    expect([jsapi.status, jsapi.body.error.code]).toEqual([422, 'wechatpay_openid_required'])
    await fake.pay(first.body.id)
    const paidAlready = await order(rider, enrolmentId)
    expect([paidAlready.status, paidAlready.body.error.code]).toEqual([409, 'payment_order_not_payable'])
    // The QR order for the same enrolment is now pointless: the job closes it (after asking WeChat Pay).
    await runPaymentJobs(app.deps)
    expect(fake.orders.get(byQr.body.id)!.transaction.trade_state).toBe('CLOSED')
    expect((await app.api.get(`/api/v1/payment-orders/${byQr.body.id}`, { token: users.staff.token })).body.status).toBe('closed')
  })
})

describe('expiry and refunds', () => {
  test('unpaid after 7 days (the injected clock): the enrolment expires and its order is closed at WeChat Pay', async () => {
    setChinaDate(app, '2026-12-01')
    const { rider, enrolmentId } = await pendingRider()
    const made = await order(rider, enrolmentId)
    app.clock.advance(6 * 86_400_000)
    await runPaymentJobs(app.deps)
    expect((await enrolment(enrolmentId)).status).toBe('pending_payment')
    app.clock.advance(86_400_000 + 60_000)
    await runPaymentJobs(app.deps)
    expect(await enrolment(enrolmentId)).toMatchObject({ status: 'cancelled', cancel_reason: 'expired' })
    expect(fake.orders.get(made.body.id)!.transaction.trade_state).toBe('CLOSED')
    const mine = await app.api.get('/api/v1/me/enrolments', { token: rider.token })
    expect(mine.body.enrolments[0]).toMatchObject({ id: enrolmentId, status: 'cancelled', coverState: 'cancelled' })
  })

  test('a payment that arrives for an enrolment that expired meanwhile is recorded and refunded in full', async () => {
    setChinaDate(app, '2026-12-10')
    const { rider, enrolmentId, premiumFen } = await pendingRider()
    const made = await order(rider, enrolmentId)
    app.clock.advance(7 * 86_400_000 + 60_000)
    await app.db.transaction().execute((trx) => expireUnpaidEnrolments(trx, app.deps))
    app.clock.set(fake.orders.get(made.body.id)!.body.time_expire.replace('+08:00', '.000+08:00'))
    app.clock.advance(-60_000)
    expect(await fake.pay(made.body.id)).toBe(204)
    expect((await enrolment(enrolmentId)).status).toBe('cancelled')
    await runPaymentJobs(app.deps)
    const refunds = await app.db.selectFrom('payment_refunds').selectAll().where('order_id', '=', made.body.id).execute()
    expect(refunds).toEqual([expect.objectContaining({ enrolment_id: enrolmentId, amount_fen: premiumFen, status: 'succeeded' })])
    expect(fake.orders.get(made.body.id)!.refunds).toEqual([expect.objectContaining({ out_refund_no: refunds[0]!.id, refund: premiumFen })])
  })

  test('cancelled before its cover starts, an enrolment paid online is refunded; after the start it is not', async () => {
    setChinaDate(app, '2026-12-20')
    const early = await pendingRider()
    const late = await pendingRider()
    for (const { rider, enrolmentId } of [early, late]) await fake.pay((await order(rider, enrolmentId)).body.id)
    const cancel = (id: string) => app.api.post(`/api/v1/enrolments/${id}/cancel`, {}, { token: users.staff.token })
    expect((await cancel(early.enrolmentId)).status).toBe(200)
    setChinaDate(app, '2026-12-22')
    expect((await cancel(late.enrolmentId)).status).toBe(200)
    await runPaymentJobs(app.deps)
    const refunds = await app.db.selectFrom('payment_refunds').select(['enrolment_id', 'amount_fen', 'status']).where('enrolment_id', 'in', [early.enrolmentId, late.enrolmentId]).execute()
    expect(refunds).toEqual([{ enrolment_id: early.enrolmentId, amount_fen: early.premiumFen, status: 'succeeded' }])
  })
})

describe('a unit pays its roster by a QR code', () => {
  test('one Native order for every pending enrolment of the unit; paid, every row is active from the paid day', async () => {
    setChinaDate(app, '2026-12-22')
    const unitAdmin = await loginAs(app, { roles: [{ role: 'unit_admin', unitId: users.unitId }] })
    const member = await loginAs(app)
    const hire = (n: number) => app.api.post(`/api/v1/units/${users.unitId}/new-hires`, {
      name: `新人${'一二三'[n]}`, idNumber: freshIdNumber(), mobile: `1381234567${n}`, occupation: 'courier', platform: '顺丰', basicMedicalInsurance: true, unionMember: true,
    }, { token: unitAdmin.token })
    const hired = [await hire(0), await hire(1), await hire(2)]
    expect(hired.map((h) => h.status)).toEqual([201, 201, 201])
    setChinaDate(app, '2026-12-24')
    const made = await app.api.post(`/api/v1/units/${users.unitId}/payment-orders`, { catalogueId: 'shaanxi-gig-2023', channel: 'native' }, { token: unitAdmin.token })
    expect(made.status).toBe(201)
    const pendingTotal = (await app.db.selectFrom('enrolments').select('premium_fen').where('unit_id', '=', users.unitId).where('status', '=', 'pending_payment').execute())
      .reduce((s, r) => s + r.premium_fen, 0)
    expect(made.body).toMatchObject({ channel: 'native', amountFen: pendingTotal, codeUrl: expect.stringMatching(/^weixin:/) })
    expect((await app.api.post(`/api/v1/units/${users.unitId}/payment-orders`, { catalogueId: 'shaanxi-gig-2023', channel: 'native' }, { token: member.token })).status).toBe(403)
    expect(await fake.pay(fake.orderOf({ codeUrl: made.body.codeUrl })!.transaction.out_trade_no)).toBe(204)
    for (const h of hired) expect(await enrolment(h.body.id)).toMatchObject({ status: 'active', accepted_on: '2026-12-24', start_on: '2026-12-25' })
    expect(await app.db.selectFrom('enrolments').select('id').where('unit_id', '=', users.unitId).where('status', '=', 'pending_payment').execute()).toEqual([])
  })
})
