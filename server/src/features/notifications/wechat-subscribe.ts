import type { Config } from '../../config'
import { DeliveryError, networkReason } from '../outbox/delivery-error'
import type { NotificationRow } from './notifications.table'
import { miniAppPages } from './mini-app-pages'

const tokens = new Map<string, { token: string; expiresAt: number }>()
const TIMEOUT_MS = 5_000

/** WeChat could not be reached or was busy (errcode -1): worth trying again later. */
export class WechatUnavailable extends DeliveryError {}

/**
 * WeChat refused this message: 43101 (the member has not subscribed, or used up
 * their one-time subscription), a bad openid or template. Trying again would
 * not help; the notice goes by SMS instead.
 */
export class WechatRefused extends DeliveryError {
  constructor(readonly errcode: number) {
    super(`wechat errcode ${errcode}`)
  }
}

async function getJson(url: URL, init?: RequestInit): Promise<Record<string, unknown>> {
  let response: Response
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (error) {
    throw new WechatUnavailable(`wechat unreachable: ${networkReason(error)}`)
  }
  if (!response.ok) throw new WechatUnavailable(`wechat http ${response.status}`)
  return (await response.json()) as Record<string, unknown>
}

async function accessToken(wechat: Config['wechat'], fresh: boolean): Promise<string> {
  const cacheKey = `${wechat.apiBase} ${wechat.appId}`
  const cached = tokens.get(cacheKey)
  if (!fresh && cached && cached.expiresAt > Date.now()) return cached.token
  const url = new URL(`${wechat.apiBase}/cgi-bin/token`)
  url.searchParams.set('grant_type', 'client_credential')
  url.searchParams.set('appid', wechat.appId ?? '')
  url.searchParams.set('secret', wechat.secret ?? '')
  const reply = await getJson(url)
  if (typeof reply.access_token !== 'string') throw new WechatUnavailable(`wechat token errcode ${String(reply.errcode)}`)
  const seconds = typeof reply.expires_in === 'number' ? reply.expires_in : 7200
  tokens.set(cacheKey, { token: reply.access_token, expiresAt: Date.now() + Math.max(60, seconds - 300) * 1000 })
  return reply.access_token
}

/** `2026-11-25T02:03:04Z` → `2026-11-25 10:03` (China time), the `time` keyword's format. */
function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

const clip = (text: string, max: number) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max - 1).join('')}…` : text)

/**
 * The subscribe message of one notification. Template keywords: `thing1` the
 * title, `thing2` the body (WeChat allows 20 characters), `time3` when.
 */
function messageBody(row: NotificationRow, openid: string, templateId: string) {
  return {
    touser: openid,
    template_id: templateId,
    page: row.subject_type === 'claim' ? miniAppPages.claimDetail(row.subject_id) : miniAppPages.card(row.subject_id),
    data: { thing1: { value: clip(row.title, 20) }, thing2: { value: clip(row.body, 20) }, time3: { value: chinaTime(row.created_at) } },
    lang: 'zh_CN',
  }
}

/** The subscribe-message template for a notification, when WeChat messages are configured. */
export function wechatTemplateFor(wechat: Config['wechat'], row: NotificationRow): string | undefined {
  if (!wechat.appId || !wechat.secret) return undefined
  return row.subject_type === 'claim' ? wechat.subscribeTemplates.claim : wechat.subscribeTemplates.enrolment
}

/**
 * Sends one notification as a WeChat subscribe message (订阅消息). Throws
 * `WechatRefused` when WeChat refuses this message, `WechatUnavailable` when it
 * could not be asked (both name only an error code). An access token refused as
 * expired is renewed once.
 */
export async function sendSubscribeMessage(wechat: Config['wechat'], row: NotificationRow, openid: string, templateId: string): Promise<void> {
  for (const fresh of [false, true]) {
    const url = new URL(`${wechat.apiBase}/cgi-bin/message/subscribe/send`)
    url.searchParams.set('access_token', await accessToken(wechat, fresh))
    const reply = await getJson(url, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageBody(row, openid, templateId)),
    })
    const errcode = typeof reply.errcode === 'number' ? reply.errcode : 0
    if (errcode === 0) return
    if ((errcode === 40001 || errcode === 42001) && !fresh) continue // the token expired early: once more with a new one
    if (errcode === -1 || errcode === 40001 || errcode === 42001) throw new WechatUnavailable(`wechat errcode ${errcode}`)
    throw new WechatRefused(errcode)
  }
}
