import { afterEach, describe, expect, test } from '@jest/globals'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ui, type PaymentOrder } from '@huzhu/shared'
import { setToken } from '../src/api/token'
import { PendingPayment } from '../src/features/payment/PendingPayment'
import { enrolmentFixture, json } from './fixtures'
import { paymentRequests, requests, setPaymentAnswer, setRequestHandler, setRouterParams, setWindowWidth, type RequestOptions, type RequestResult } from './taro-stub'

const pending = enrolmentFixture({ id: 'enr_9', status: 'pending_payment', coverState: 'pending_payment', payment: null, fundingSource: 'member', premiumFen: 10_000 })
const config = (onlinePayment: boolean) => json({ wechatSubscribeTemplateIds: [], consentVersions: { privacy_policy: 'v', sensitive_personal_info: 'v', medical_data: 'v' }, onlinePayment, pendingDays: 7 })
const signed = { appId: 'wx-app', timeStamp: '1790000000', nonceStr: 'N0NCE', package: 'prepay_id=wx123', signType: 'RSA', paySign: 'c2lnbmVk' } as const
const orderOf = (over: Partial<PaymentOrder>): PaymentOrder => ({
  id: 'pmo_1', channel: 'jsapi', status: 'open', amountFen: 10_000, description: '职工互助保障', enrolmentCount: 1, createdAt: '2026-11-28T02:00:00.000Z',
  expiresAt: '2026-11-28T04:00:00.000Z', paidAt: null, ...over,
})

/** The server: the client configuration, the order for the enrolment, and the order's state (paid after `paidAfter` looks). */
function payServer(options: { online: boolean; order: PaymentOrder; paidAfter?: number }) {
  let looks = 0
  return (request: RequestOptions): RequestResult => {
    if (request.url === '/api/v1/client-config') return config(options.online)
    if (request.url === '/api/v1/enrolments/enr_9/payment-orders' && request.method === 'POST') return json(options.order, 201)
    if (request.url === `/api/v1/payment-orders/${options.order.id}`) {
      looks++
      return json({ ...options.order, status: looks > (options.paidAfter ?? 0) ? 'paid' : 'open' })
    }
    return json({ error: { code: 'not_found', message: '没有' } }, 404)
  }
}

afterEach(() => {
  delete process.env.TARO_ENV
})

describe('paying the premium with WeChat Pay', () => {
  test('in the mini-program: wx.requestPayment gets exactly the server’s signed parameters; once paid, the page refreshes', async () => {
    process.env.TARO_ENV = 'weapp'
    setToken('tok')
    setRequestHandler(payServer({ online: true, order: orderOf({ channel: 'jsapi', jsapi: signed }) }))
    let refreshed = 0
    render(<PendingPayment enrolment={pending} refreshing={false} checked={false} onRefresh={() => void refreshed++} />)
    fireEvent.click(await screen.findByText('微信支付 ¥100.00'))
    await waitFor(() => expect(refreshed).toBe(1))
    // wx.requestPayment takes the signed fields but the appId (the mini-program's own).
    const { appId: _appId, ...params } = signed
    expect(paymentRequests).toEqual([params])
    const created = requests.find((r) => r.url.endsWith('/payment-orders'))!
    // The client says how it pays, never what: no amount, no "paid".
    expect(created.data).toEqual({ channel: 'jsapi' })
    expect(await screen.findByText(ui.payment.paid)).toBeTruthy()
  })

  test('the payer cancels in WeChat’s cashier: said so, and they can pay again', async () => {
    process.env.TARO_ENV = 'weapp'
    setPaymentAnswer('cancel')
    setRequestHandler(payServer({ online: true, order: orderOf({ channel: 'jsapi', jsapi: signed }) }))
    render(<PendingPayment enrolment={pending} refreshing={false} checked={false} onRefresh={() => undefined} />)
    fireEvent.click(await screen.findByText('微信支付 ¥100.00'))
    expect((await screen.findByText(ui.payment.cancelled)).id).toBe('pay-online-note')
    expect(screen.getByText('微信支付 ¥100.00')).toBeTruthy()
  })

  test('at a desk: a QR code of the order’s code_url for any phone to scan, and the page refreshes once paid', async () => {
    setWindowWidth(1280)
    const order = orderOf({ channel: 'native', codeUrl: 'weixin://wxpay/bizpayurl?pr=abc' })
    setRequestHandler(payServer({ online: true, order, paidAfter: 1 }))
    let refreshed = 0
    render(<PendingPayment enrolment={pending} refreshing={false} checked={false} onRefresh={() => void refreshed++} />)
    fireEvent.click(await screen.findByText('微信支付 ¥100.00'))
    const qr = await screen.findByText(/请用微信“扫一扫”扫描下面的二维码支付 ¥100\.00/)
    expect(qr).toBeTruthy()
    expect(document.getElementById('pay-online-code')?.getAttribute('data-payload')).toBe('weixin://wxpay/bizpayurl?pr=abc')
    await waitFor(() => expect(refreshed).toBe(1), { timeout: 5_000 })
  })

  test('back from the phone browser’s cashier with ?order=: the order is asked for and the page refreshes', async () => {
    setRouterParams({ enrolment: 'enr_9', order: 'pmo_1' })
    setRequestHandler(payServer({ online: true, order: orderOf({ channel: 'h5' }) }))
    let refreshed = 0
    render(<PendingPayment enrolment={pending} refreshing={false} checked={false} onRefresh={() => void refreshed++} />)
    await waitFor(() => expect(refreshed).toBe(1))
    expect(requests.some((r) => r.url === '/api/v1/payment-orders/pmo_1')).toBe(true)
  })

  test('no online payment at this office: how to transfer instead, no pay button', async () => {
    setRequestHandler(payServer({ online: false, order: orderOf({}) }))
    render(<PendingPayment enrolment={pending} refreshing={false} checked={false} onRefresh={() => undefined} />)
    expect((await screen.findByText(ui.payment.howToPay)).id).toBe('pending-payment-how')
    expect(document.getElementById('pay-online')).toBeNull()
  })
})
