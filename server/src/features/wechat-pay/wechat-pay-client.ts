import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import type { Logger } from 'pino'
import { chinaTime } from '@huzhu/shared'
import type { Clock } from '../../clock'
import { AppError } from '../../http/errors'
import { authorization, decryptResource, newNonce, signMessage, verifySigned, type EncryptedResource, type SignedHeaders } from './signatures'
import type { WechatPaySettings } from './wechat-pay-config'

/** How the payer pays: in the mini-program, in a phone's browser, or by scanning a QR code. */
export type PayChannel = 'jsapi' | 'h5' | 'native'

/** What WeChat Pay says of an order (查询订单 and the payment notice's resource). */
export interface Transaction {
  appid: string
  mchid: string
  out_trade_no: string
  transaction_id?: string
  trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR'
  success_time?: string
  amount: { total: number; payer_total?: number; currency: string }
}

export interface OrderInput {
  outTradeNo: string
  description: string
  amountFen: number
  /** ISO instant after which the payer can no longer pay. */
  expiresAt: string
  /** JSAPI: the payer's openid in the mini-program. */
  openid?: string
  /** H5: the payer's IP. */
  payerIp?: string
}

/** What the app needs to let the payer pay. */
export type OrderStart = { channel: 'jsapi'; prepayId: string } | { channel: 'h5'; h5Url: string } | { channel: 'native'; codeUrl: string }

/** The parameters of `wx.requestPayment`, signed with the merchant key. */
export interface JsapiPayParams {
  appId: string
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export interface RefundResult {
  status: 'SUCCESS' | 'PROCESSING' | 'CLOSED' | 'ABNORMAL'
  refundId: string
}

export interface WechatPayClient {
  readonly settings: WechatPaySettings
  createOrder(channel: PayChannel, input: OrderInput): Promise<OrderStart>
  jsapiParams(prepayId: string): JsapiPayParams
  queryOrder(outTradeNo: string): Promise<Transaction>
  closeOrder(outTradeNo: string): Promise<void>
  refund(input: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason: string }): Promise<RefundResult>
  /** A payment notice as posted to notify_url: verified (else 401) and decrypted. */
  readNotice(headers: Partial<SignedHeaders>, rawBody: string): Transaction
}

/**
 * WeChat Pay API v3 for a direct merchant (直连商户), written on node:crypto and
 * fetch: every request signed with the merchant key, every answer's signature
 * checked against the platform public key (an unsigned or forged answer is
 * refused: 502), notices verified and decrypted. `apiBase` points at
 * api.mch.weixin.qq.com, or the tests' fake.
 */
export function createWechatPayClient(settings: WechatPaySettings, clock: Clock, logger?: Logger, fetchImpl: typeof fetch = fetch): WechatPayClient {
  const merchantKey: KeyObject = createPrivateKey(settings.merchantPrivateKey)
  const platform = { publicKey: createPublicKey(settings.platformPublicKey), keyId: settings.platformKeyId }
  const seconds = () => Math.floor(clock.now().getTime() / 1000)

  async function call<T>(method: 'GET' | 'POST', pathAndQuery: string, payload?: unknown): Promise<{ status: number; body: T | undefined }> {
    const body = payload === undefined ? '' : JSON.stringify(payload)
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: authorization({ mchid: settings.mchid, serialNo: settings.merchantSerial, privateKey: merchantKey, method, pathAndQuery, body, timestamp: seconds(), nonce: newNonce() }),
    }
    if (payload !== undefined) headers['Content-Type'] = 'application/json'
    let response: Response
    let text: string
    try {
      response = await fetchImpl(`${settings.apiBase}${pathAndQuery}`, { method, headers, ...(payload === undefined ? {} : { body }), signal: AbortSignal.timeout(10_000) })
      text = await response.text()
    } catch (error) {
      logger?.warn({ path: pathAndQuery.split('?')[0], reason: error instanceof Error ? error.message : 'unknown' }, 'wechat pay unreachable')
      throw new AppError(502, 'wechatpay_unavailable')
    }
    const signed = {
      timestamp: response.headers.get('Wechatpay-Timestamp') ?? '', nonce: response.headers.get('Wechatpay-Nonce') ?? '',
      signature: response.headers.get('Wechatpay-Signature') ?? '', serial: response.headers.get('Wechatpay-Serial') ?? '',
    }
    if (!verifySigned(text, signed, platform, seconds())) {
      logger?.warn({ path: pathAndQuery.split('?')[0], status: response.status }, 'wechat pay answer not signed by the platform key')
      throw new AppError(502, 'wechatpay_unavailable')
    }
    if (response.status >= 300) {
      let code = 'UNKNOWN'
      try {
        code = String((JSON.parse(text) as { code?: unknown }).code ?? code)
      } catch { /* a body that is not JSON keeps UNKNOWN */ }
      logger?.warn({ path: pathAndQuery.split('?')[0], status: response.status, code }, 'wechat pay refused')
      return { status: response.status, body: { code } as T }
    }
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as T) }
  }

  const refused = (status: number) => new AppError(status === 404 ? 404 : 502, status === 404 ? 'wechatpay_order_not_found' : 'wechatpay_unavailable')

  return {
    settings,
    async createOrder(channel, input) {
      const order: Record<string, unknown> = {
        appid: settings.appId, mchid: settings.mchid, description: input.description, out_trade_no: input.outTradeNo,
        time_expire: chinaTime(input.expiresAt, 'rfc3339'), notify_url: settings.notifyUrl, amount: { total: input.amountFen, currency: 'CNY' },
      }
      if (channel === 'jsapi') order.payer = { openid: input.openid }
      if (channel === 'h5') order.scene_info = { payer_client_ip: input.payerIp, h5_info: { type: 'Wap' } }
      const { status, body } = await call<{ prepay_id?: string; h5_url?: string; code_url?: string }>('POST', `/v3/pay/transactions/${channel}`, order)
      if (status >= 300 || !body) throw refused(status)
      if (channel === 'jsapi' && body.prepay_id) return { channel, prepayId: body.prepay_id }
      if (channel === 'h5' && body.h5_url) return { channel, h5Url: body.h5_url }
      if (channel === 'native' && body.code_url) return { channel, codeUrl: body.code_url }
      throw new AppError(502, 'wechatpay_unavailable')
    },
    jsapiParams(prepayId) {
      const timeStamp = String(seconds())
      const nonceStr = newNonce()
      const pkg = `prepay_id=${prepayId}`
      return { appId: settings.appId, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign: signMessage([settings.appId, timeStamp, nonceStr, pkg], merchantKey) }
    },
    async queryOrder(outTradeNo) {
      const { status, body } = await call<Transaction>('GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(settings.mchid)}`)
      if (status >= 300 || !body) throw refused(status)
      return body
    },
    async closeOrder(outTradeNo) {
      const { status } = await call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: settings.mchid })
      if (status >= 300) throw refused(status)
    },
    async refund(input) {
      const { status, body } = await call<{ refund_id?: string; status?: RefundResult['status'] }>('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: input.outTradeNo, out_refund_no: input.outRefundNo, reason: input.reason,
        amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
      })
      if (status >= 300 || !body?.refund_id || !body.status) throw refused(status)
      return { status: body.status, refundId: body.refund_id }
    },
    readNotice(headers, rawBody) {
      const signed = { timestamp: headers.timestamp ?? '', nonce: headers.nonce ?? '', signature: headers.signature ?? '', serial: headers.serial ?? '' }
      if (!verifySigned(rawBody, signed, platform, seconds())) throw new AppError(401, 'wechatpay_notice_unverified')
      let resource: EncryptedResource
      try {
        resource = (JSON.parse(rawBody) as { resource: EncryptedResource }).resource
        return JSON.parse(decryptResource(resource, settings.apiV3Key)) as Transaction
      } catch {
        throw new AppError(400, 'wechatpay_notice_invalid')
      }
    },
  }
}
