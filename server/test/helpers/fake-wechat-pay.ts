import { createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { encryptResource, parseAuthorization, signedHeaders, verifyMessage } from '../../src/features/wechat-pay/signatures'
import type { JsapiPayParams, Transaction } from '../../src/features/wechat-pay/wechat-pay-client'
import type { Json } from './http'
import { listenOnLoopback } from './loopback'
import { startAppWithEveryRole, type EveryRole } from './login'
import type { TestApp, TestAppOptions } from './test-app'

interface FakeOrder {
  channel: 'jsapi' | 'h5' | 'native'
  body: Record<string, Json>
  transaction: Transaction
  prepayId: string
  codeToken: string
  refunds: { out_refund_no: string; refund: number; reason: string }[]
}

export interface FakeWechatPay {
  baseUrl: string
  mchid: string
  appId: string
  apiV3Key: string
  /** The environment that points the server at this fake (merchant key, platform key, APIv3 key). */
  env: Record<string, string>
  /** Requests refused, with why (a bad signature, a missing field), for assertions. */
  refusals: { path: string; code: string; message: string }[]
  orders: Map<string, FakeOrder>
  /** Answers the next N API calls with this status and code (e.g. 500 SYSTEM_ERROR). */
  failNext: { count: number; status: number; code: string }
  /** The payer pays (any channel): the order turns SUCCESS and the notice goes to notify_url; its HTTP status comes back. */
  pay(outTradeNo: string, options?: NoticeOptions): Promise<number>
  /** The notice of an order delivered (again: WeChat Pay repeats one until it gets a 2xx); its HTTP status comes back. */
  sendNotice(outTradeNo: string, options?: NoticeOptions): Promise<number>
  /** The order a Native QR code (`code_url`) or an H5 link or a prepay id stands for. */
  orderOf(ref: { codeUrl?: string; h5Url?: string; prepayId?: string }): FakeOrder | undefined
  /**
   * The network between WeChat Pay and the server: notices go to this origin
   * (the test server's port is known only once it listens), at notify_url's path.
   */
  deliverTo(origin: string): void
  /** Checks `wx.requestPayment` parameters as WeChat does (the merchant's paySign over appId, timeStamp, nonceStr, package). */
  checkRequestPayment(params: JsapiPayParams): boolean
  close(): Promise<void>
}

/** How a notice departs from the truth, for tests of what the server refuses. */
export interface NoticeOptions {
  /** The payment is made but no notice is sent (a notice lost on the way). */
  silent?: boolean
  /** Signed with another key than the platform's (a forger). */
  forgedWith?: KeyObject
  /** The transaction's amount as the notice states it. */
  amountFen?: number
  /** The transaction's merchant as the notice states it. */
  mchid?: string
}

const pemOf = (key: KeyObject, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }).toString()

/**
 * A local stand-in for api.mch.weixin.qq.com that checks what WeChat Pay checks
 * and answers as it does: every request's Authorization (WECHATPAY2-SHA256-RSA2048,
 * the merchant's serial and public key, a fresh timestamp), required fields of
 * JSAPI/H5/Native orders, query, close and refund; every answer and every
 * payment notice signed with a platform key pair it generates, the notice's
 * resource encrypted with the APIv3 key. It also serves the H5 cashier page
 * (`/fake-cashier`) that pays and returns to `redirect_url`, as WeChat's does.
 * `now` is the clock both sides agree on (tests move the server's clock).
 */
export async function startFakeWechatPay(options: { now?: () => number; appId?: string } = {}): Promise<FakeWechatPay> {
  const now = options.now ?? Date.now
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const mchid = '1900000109'
  const merchantSerial = randomBytes(20).toString('hex').toUpperCase()
  const platformKeyId = `PUB_KEY_ID_${randomBytes(8).toString('hex')}`
  const apiV3Key = randomBytes(16).toString('hex')
  const appId = options.appId ?? 'wx-test-app'
  const orders = new Map<string, FakeOrder>()
  const refusals: FakeWechatPay['refusals'] = []
  const failNext = { count: 0, status: 500, code: 'SYSTEM_ERROR' }
  const seconds = () => Math.floor(now() / 1000)
  let baseUrl = ''
  let noticeOrigin: string | undefined

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = body === undefined ? '' : JSON.stringify(body)
    res.writeHead(status, { 'Content-Type': 'application/json', ...signedHeaders(text, platform.privateKey, platformKeyId, seconds()) })
    res.end(text)
  }
  const refuse = (res: ServerResponse, path: string, status: number, code: string, message: string) => {
    refusals.push({ path, code, message })
    send(res, status, { code, message })
  }

  function checkAuthorization(req: IncomingMessage, pathAndQuery: string, body: string): string | undefined {
    const auth = parseAuthorization(req.headers.authorization)
    if (!auth) return 'no WECHATPAY2-SHA256-RSA2048 Authorization'
    for (const k of ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no']) if (!auth[k]) return `Authorization lacks ${k}`
    if (auth.mchid !== mchid) return 'mchid does not match'
    if (auth.serial_no !== merchantSerial) return 'serial_no is not the merchant certificate'
    if (Math.abs(seconds() - Number(auth.timestamp)) > 300) return 'timestamp is stale'
    const ok = verifyMessage([req.method ?? '', pathAndQuery, auth.timestamp!, auth.nonce_str!, body], auth.signature!, merchant.publicKey)
    return ok ? undefined : 'signature does not verify'
  }

  function missing(body: Record<string, Json>, channel: FakeOrder['channel']): string | undefined {
    const required = ['appid', 'mchid', 'description', 'out_trade_no', 'notify_url', 'amount']
    for (const k of required) if (body[k] === undefined || body[k] === '') return `${k} is required`
    if (body.appid !== appId) return 'appid is not bound to this mchid'
    if (body.mchid !== mchid) return 'mchid does not match'
    if (!/^[0-9A-Za-z_\-|*]{6,32}$/.test(String(body.out_trade_no))) return 'out_trade_no: 6-32 of digits, letters, _-|*'
    if (!Number.isInteger(body.amount?.total) || body.amount.total <= 0) return 'amount.total must be a positive integer of fen'
    if (body.amount.currency !== undefined && body.amount.currency !== 'CNY') return 'currency must be CNY'
    const notify = new URL(String(body.notify_url))
    // WeChat Pay posts only to https; the fake also takes loopback http, where tests listen.
    if (notify.protocol !== 'https:' && notify.hostname !== '127.0.0.1' && notify.hostname !== 'localhost') return 'notify_url must be https'
    if (notify.search !== '') return 'notify_url may not carry parameters'
    if (channel === 'jsapi' && !body.payer?.openid) return 'payer.openid is required'
    if (channel === 'h5' && (!body.scene_info?.payer_client_ip || body.scene_info?.h5_info?.type === undefined)) return 'scene_info.payer_client_ip and h5_info.type are required'
    return undefined
  }

  async function deliver(order: FakeOrder, options: NoticeOptions = {}): Promise<number> {
    const transaction: Transaction = {
      ...order.transaction,
      ...(options.mchid !== undefined ? { mchid: options.mchid } : {}),
      ...(options.amountFen !== undefined ? { amount: { ...order.transaction.amount, total: options.amountFen, payer_total: options.amountFen } } : {}),
    }
    const body = JSON.stringify({
      id: randomBytes(16).toString('hex'), create_time: new Date(now()).toISOString(), resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS', summary: '支付成功', resource: encryptResource(JSON.stringify(transaction), apiV3Key, 'transaction'),
    })
    const headers = signedHeaders(body, options.forgedWith ?? platform.privateKey, platformKeyId, seconds())
    const target = new URL(order.body.notify_url)
    const url = noticeOrigin === undefined ? target.href : `${noticeOrigin}${target.pathname}`
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body })
    await response.text()
    return response.status
  }

  async function pay(outTradeNo: string, options: NoticeOptions = {}): Promise<number> {
    const order = orders.get(outTradeNo)
    if (!order) throw new Error(`no order ${outTradeNo}`)
    if (order.transaction.trade_state !== 'NOTPAY') throw new Error(`order ${outTradeNo} is ${order.transaction.trade_state}`)
    if (Date.parse(order.body.time_expire ?? '9999-12-31T00:00:00+08:00') < now()) throw new Error(`order ${outTradeNo} expired`)
    order.transaction = {
      ...order.transaction, trade_state: 'SUCCESS', transaction_id: `4200${randomBytes(12).toString('hex')}`,
      success_time: `${new Date(now() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`,
      amount: { ...order.transaction.amount, payer_total: order.transaction.amount.total },
    }
    return options.silent ? 0 : deliver(order, options)
  }

  const readBody = (req: IncomingMessage) => new Promise<string>((done) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => { text += c })
    req.on('end', () => done(text))
  })

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const pathAndQuery = `${url.pathname}${url.search}`
    const body = await readBody(req)

    if (url.pathname === '/fake-cashier') {
      const order = [...orders.values()].find((o) => o.prepayId === url.searchParams.get('prepay_id'))
      if (!order) return void res.writeHead(404).end('no such order')
      if (req.method === 'POST') {
        await pay(order.transaction.out_trade_no)
        const back = url.searchParams.get('redirect_url')
        res.writeHead(back ? 302 : 200, back ? { Location: back } : { 'Content-Type': 'text/plain; charset=utf-8' })
        return void res.end(back ? '' : '支付成功')
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      return void res.end(`<!doctype html><meta name="viewport" content="width=device-width"><title>微信支付</title>
<h1 id="cashier-amount">¥${(order.transaction.amount.total / 100).toFixed(2)}</h1><p>${String(order.body.description).replace(/[<&]/g, '')}</p>
<form method="post" action="${pathAndQuery.replace(/"/g, '&quot;')}"><button id="cashier-pay" type="submit">确认支付</button></form>`)
    }

    if (failNext.count > 0) {
      failNext.count--
      return refuse(res, url.pathname, failNext.status, failNext.code, 'failure asked for by the test')
    }
    const denied = checkAuthorization(req, pathAndQuery, req.method === 'GET' ? '' : body)
    if (denied) return refuse(res, url.pathname, 401, 'SIGN_ERROR', denied)
    let json: Record<string, Json> = {}
    if (req.method === 'POST') {
      if (req.headers['content-type']?.split(';')[0] !== 'application/json') return refuse(res, url.pathname, 400, 'PARAM_ERROR', 'Content-Type must be application/json')
      try {
        json = JSON.parse(body) as Record<string, Json>
      } catch {
        return refuse(res, url.pathname, 400, 'PARAM_ERROR', 'body is not JSON')
      }
    }

    const create = /^\/v3\/pay\/transactions\/(jsapi|h5|native)$/.exec(url.pathname)
    if (create && req.method === 'POST') {
      const channel = create[1] as FakeOrder['channel']
      const problem = missing(json, channel)
      if (problem) return refuse(res, url.pathname, 400, 'PARAM_ERROR', problem)
      const existing = orders.get(json.out_trade_no)
      if (existing && (existing.channel !== channel || existing.body.amount.total !== json.amount.total)) {
        return refuse(res, url.pathname, 400, 'INVALID_REQUEST', 'out_trade_no used with other parameters')
      }
      const order: FakeOrder = existing ?? {
        channel, body: json, prepayId: `wx${randomBytes(14).toString('hex')}`, codeToken: randomBytes(8).toString('hex'), refunds: [],
        transaction: { appid: json.appid, mchid, out_trade_no: json.out_trade_no, trade_state: 'NOTPAY', amount: { total: json.amount.total, currency: 'CNY' } },
      }
      orders.set(json.out_trade_no, order)
      if (channel === 'jsapi') return send(res, 200, { prepay_id: order.prepayId })
      if (channel === 'h5') return send(res, 200, { h5_url: `${baseUrl}/fake-cashier?prepay_id=${order.prepayId}` })
      return send(res, 200, { code_url: `weixin://wxpay/bizpayurl?pr=${order.codeToken}` })
    }
    const query = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(url.pathname)
    if (query && req.method === 'GET') {
      if (url.searchParams.get('mchid') !== mchid) return refuse(res, url.pathname, 400, 'PARAM_ERROR', 'mchid is required')
      const order = orders.get(decodeURIComponent(query[1]!))
      if (!order) return refuse(res, url.pathname, 404, 'ORDER_NOT_EXIST', '订单不存在')
      return send(res, 200, order.transaction)
    }
    const close = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(url.pathname)
    if (close && req.method === 'POST') {
      if (json.mchid !== mchid) return refuse(res, url.pathname, 400, 'PARAM_ERROR', 'mchid is required')
      const order = orders.get(decodeURIComponent(close[1]!))
      if (!order) return refuse(res, url.pathname, 404, 'ORDER_NOT_EXIST', '订单不存在')
      if (order.transaction.trade_state === 'SUCCESS' || order.transaction.trade_state === 'REFUND') return refuse(res, url.pathname, 400, 'ORDER_PAID', '订单已支付')
      order.transaction = { ...order.transaction, trade_state: 'CLOSED' }
      res.writeHead(204, signedHeaders('', platform.privateKey, platformKeyId, seconds()))
      return void res.end()
    }
    if (url.pathname === '/v3/refund/domestic/refunds' && req.method === 'POST') {
      const order = orders.get(json.out_trade_no)
      if (!order) return refuse(res, url.pathname, 404, 'RESOURCE_NOT_EXISTS', '订单不存在')
      if (!json.out_refund_no || !Number.isInteger(json.amount?.refund) || json.amount?.total !== order.transaction.amount.total) {
        return refuse(res, url.pathname, 400, 'PARAM_ERROR', 'out_refund_no, amount.refund and the order total are required')
      }
      if (order.transaction.trade_state !== 'SUCCESS' && order.transaction.trade_state !== 'REFUND') return refuse(res, url.pathname, 403, 'NOT_ENOUGH', '订单未支付')
      const refunded = order.refunds.reduce((s, r) => s + r.refund, 0)
      const again = order.refunds.find((r) => r.out_refund_no === json.out_refund_no)
      if (!again) {
        if (refunded + json.amount.refund > order.transaction.amount.total) return refuse(res, url.pathname, 403, 'NOT_ENOUGH', '退款金额超过订单金额')
        order.refunds.push({ out_refund_no: json.out_refund_no, refund: json.amount.refund, reason: json.reason ?? '' })
        order.transaction = { ...order.transaction, trade_state: 'REFUND' }
      }
      return send(res, 200, { refund_id: `5030${randomBytes(10).toString('hex')}`, out_refund_no: json.out_refund_no, status: 'SUCCESS', amount: json.amount })
    }
    refuse(res, url.pathname, 404, 'NOT_FOUND', 'no such API')
  })
  const listening = await listenOnLoopback(server)
  baseUrl = listening.url

  return {
    baseUrl, mchid, appId, apiV3Key, refusals, orders, failNext,
    env: {
      WECHATPAY_MCHID: mchid, WECHATPAY_APPID: appId, WECHATPAY_MERCHANT_SERIAL: merchantSerial,
      WECHATPAY_MERCHANT_PRIVATE_KEY: pemOf(merchant.privateKey, 'pkcs8'), WECHATPAY_APIV3_KEY: apiV3Key,
      WECHATPAY_PLATFORM_PUBLIC_KEY: pemOf(platform.publicKey, 'spki'), WECHATPAY_PLATFORM_PUBLIC_KEY_ID: platformKeyId,
      WECHATPAY_API_BASE: baseUrl,
    },
    pay,
    deliverTo(origin) {
      noticeOrigin = origin.replace(/\/+$/, '')
    },
    sendNotice: (outTradeNo, options = {}) => {
      const order = orders.get(outTradeNo)
      if (!order) throw new Error(`no order ${outTradeNo}`)
      return deliver(order, options)
    },
    orderOf(ref) {
      return [...orders.values()].find((o) =>
        (ref.prepayId !== undefined && o.prepayId === ref.prepayId)
        || (ref.codeUrl !== undefined && ref.codeUrl.endsWith(`pr=${o.codeToken}`))
        || (ref.h5Url !== undefined && ref.h5Url.includes(`prepay_id=${o.prepayId}`)))
    },
    checkRequestPayment(params) {
      return params.appId === appId && params.signType === 'RSA' && orders.size > 0
        && [...orders.values()].some((o) => params.package === `prepay_id=${o.prepayId}`)
        && verifyMessage([params.appId, params.timeStamp, params.nonceStr, params.package], params.paySign, createPublicKey(pemOf(merchant.publicKey, 'spki')))
    },
    close: listening.close,
  }
}

/**
 * A test app with every role, wired to a fake WeChat Pay that signs with the app's
 * test clock and delivers its payment notices to the app (what a payment test sets up).
 */
export async function startAppWithWechatPay(options: TestAppOptions = {}): Promise<{ app: TestApp; users: EveryRole; fake: FakeWechatPay }> {
  const clock = { now: () => Date.now() }
  const fake = await startFakeWechatPay({ now: () => clock.now() })
  const { app, users } = await startAppWithEveryRole({ ...options, env: { ...options.env, ...fake.env, WECHATPAY_NOTIFY_URL: 'https://huzhu.example.org/api/v1/wechat-pay/notices' } })
  clock.now = () => app.clock.now().getTime()
  fake.deliverTo(app.baseUrl)
  return { app, users, fake }
}
