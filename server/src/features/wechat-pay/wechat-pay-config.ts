import { readFileSync } from 'node:fs'
import { createPrivateKey, createPublicKey } from 'node:crypto'

/** WeChat Pay (微信支付 API v3) merchant settings; keys as PEM text. */
export interface WechatPaySettings {
  readonly mchid: string
  /** The AppID bound to the merchant: the mini-program's (JSAPI) and the H5/Native orders'. */
  readonly appId: string
  readonly merchantSerial: string
  readonly merchantPrivateKey: string
  readonly apiV3Key: string
  readonly platformPublicKey: string
  readonly platformKeyId: string
  readonly apiBase: string
  /** Where WeChat Pay posts payment notices (https, reachable from outside). */
  readonly notifyUrl: string
}

const NAMES = [
  'WECHATPAY_MCHID', 'WECHATPAY_MERCHANT_SERIAL', 'WECHATPAY_MERCHANT_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY',
  'WECHATPAY_PLATFORM_PUBLIC_KEY', 'WECHATPAY_PLATFORM_PUBLIC_KEY_ID',
] as const

const value = (env: Record<string, string | undefined>, name: string) => {
  const v = env[name]?.trim()
  return v === undefined || v === '' ? undefined : v
}

/** A PEM given inline (`-----BEGIN …`) or as a file path. */
function pem(env: Record<string, string | undefined>, name: string, problems: string[]): string | undefined {
  const v = value(env, name)
  if (v === undefined) return undefined
  if (v.startsWith('-----BEGIN')) return v.replace(/\\n/g, '\n')
  try {
    return readFileSync(v, 'utf8')
  } catch {
    problems.push(`${name}: neither a PEM nor a readable file`)
    return undefined
  }
}

/**
 * Reads WeChat Pay's settings from the environment: all of them or none (a
 * half configuration is a problem, so production refuses to start); none means
 * online payment is off and staff confirm transfers as before.
 */
export function readWechatPaySettings(
  env: Record<string, string | undefined>, context: { publicUrl: string | undefined; wechatAppId: string | undefined; isProduction: boolean }, problems: string[],
): WechatPaySettings | undefined {
  const given = NAMES.filter((n) => value(env, n) !== undefined)
  if (given.length === 0) return undefined
  const missing = NAMES.filter((n) => value(env, n) === undefined)
  const appId = value(env, 'WECHATPAY_APPID') ?? context.wechatAppId
  if (appId === undefined) missing.push('WECHATPAY_APPID' as never)
  const notifyBase = value(env, 'WECHATPAY_NOTIFY_URL') ?? (context.publicUrl === undefined ? undefined : `${context.publicUrl}/api/v1/wechat-pay/notices`)
  if (notifyBase === undefined) missing.push('WECHATPAY_NOTIFY_URL (or HUZHU_PUBLIC_URL)' as never)
  if (missing.length > 0) {
    problems.push(`WeChat Pay is half configured: ${missing.join(', ')} missing (set all of ${NAMES.join(', ')}, or none)`)
    return undefined
  }
  const merchantPrivateKey = pem(env, 'WECHATPAY_MERCHANT_PRIVATE_KEY', problems)
  const platformPublicKey = pem(env, 'WECHATPAY_PLATFORM_PUBLIC_KEY', problems)
  const apiV3Key = value(env, 'WECHATPAY_APIV3_KEY')!
  if (Buffer.byteLength(apiV3Key, 'utf8') !== 32) problems.push('WECHATPAY_APIV3_KEY must be the 32-character APIv3 key')
  try {
    if (merchantPrivateKey) createPrivateKey(merchantPrivateKey)
  } catch {
    problems.push('WECHATPAY_MERCHANT_PRIVATE_KEY is not a private key')
  }
  try {
    if (platformPublicKey) createPublicKey(platformPublicKey)
  } catch {
    problems.push('WECHATPAY_PLATFORM_PUBLIC_KEY is not a public key')
  }
  const apiBase = (value(env, 'WECHATPAY_API_BASE') ?? 'https://api.mch.weixin.qq.com').replace(/\/+$/, '')
  checkUrl('WECHATPAY_API_BASE', apiBase, context.isProduction, problems)
  checkUrl('WECHATPAY_NOTIFY_URL', notifyBase!, context.isProduction, problems)
  if (!merchantPrivateKey || !platformPublicKey) return undefined
  return {
    mchid: value(env, 'WECHATPAY_MCHID')!,
    appId: appId!,
    merchantSerial: value(env, 'WECHATPAY_MERCHANT_SERIAL')!,
    merchantPrivateKey,
    apiV3Key,
    platformPublicKey,
    platformKeyId: value(env, 'WECHATPAY_PLATFORM_PUBLIC_KEY_ID')!,
    apiBase,
    notifyUrl: notifyBase!,
  }
}

/**
 * An address WeChat Pay is reached at or calls back: a URL without a query string (WeChat Pay
 * refuses a notify_url that has one), https in production (payments and signatures go through it).
 */
function checkUrl(name: string, text: string, isProduction: boolean, problems: string[]): void {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    problems.push(`${name} is not a URL`)
    return
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push(`${name}: http or https only`)
  else if (isProduction && url.protocol !== 'https:') problems.push(`${name} must be https when NODE_ENV=production`)
  if (url.search !== '' || url.hash !== '') problems.push(`${name} must not have a query string`)
}
