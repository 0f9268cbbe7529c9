import type { Logger } from 'pino'
import type { Config } from '../../config'
import type { Db } from '../../db/open'
import type { NotificationRow } from './notifications.table'
import { miniAppPages } from './mini-app-pages'
import { setWechatState } from './notifications.repository'

export interface WechatDeliveryDeps {
  db: Db
  config: Config
  logger: Logger
}

const tokens = new Map<string, { token: string; expiresAt: number }>()
const TIMEOUT_MS = 5_000

async function accessToken(wechat: Config['wechat'], fresh: boolean): Promise<string> {
  const cacheKey = `${wechat.apiBase} ${wechat.appId}`
  const cached = tokens.get(cacheKey)
  if (!fresh && cached && cached.expiresAt > Date.now()) return cached.token
  const url = new URL(`${wechat.apiBase}/cgi-bin/token`)
  url.searchParams.set('grant_type', 'client_credential')
  url.searchParams.set('appid', wechat.appId ?? '')
  url.searchParams.set('secret', wechat.secret ?? '')
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) })
  const reply = (await response.json()) as { access_token?: unknown; expires_in?: unknown; errcode?: unknown }
  if (typeof reply.access_token !== 'string') throw new Error(`token errcode ${String(reply.errcode)}`)
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

async function sendOne(deps: WechatDeliveryDeps, row: NotificationRow, openid: string, templateId: string): Promise<void> {
  const { wechat } = deps.config
  for (const fresh of [false, true]) {
    const url = new URL(`${wechat.apiBase}/cgi-bin/message/subscribe/send`)
    url.searchParams.set('access_token', await accessToken(wechat, fresh))
    const response = await fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageBody(row, openid, templateId)), signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    const reply = (await response.json()) as { errcode?: unknown }
    const errcode = typeof reply.errcode === 'number' ? reply.errcode : 0
    if (errcode === 0) return
    if ((errcode === 40001 || errcode === 42001) && !fresh) continue // the token expired early: once more with a new one
    throw new Error(`send errcode ${errcode}`)
  }
}

/**
 * Sends WeChat subscribe messages for notifications that were just committed,
 * to members who signed in with WeChat, when template ids and credentials are
 * configured. Runs after the commit, in the background: a failure is logged
 * (the notification id and reason, nothing personal) and marks the row
 * `failed`; it never fails the request. Resolves when every send has settled.
 */
export function deliverWechat(deps: WechatDeliveryDeps, rows: readonly NotificationRow[]): Promise<void> {
  const { wechat } = deps.config
  if (rows.length === 0 || !wechat.appId || !wechat.secret) return Promise.resolve()
  const run = async () => {
    for (const row of rows) {
      const templateId = row.subject_type === 'claim' ? wechat.subscribeTemplates.claim : wechat.subscribeTemplates.enrolment
      if (!templateId) continue
      try {
        const user = await deps.db.selectFrom('users').select('wechat_openid').where('id', '=', row.user_id).executeTakeFirst()
        if (!user?.wechat_openid) continue
        try {
          await sendOne(deps, row, user.wechat_openid, templateId)
          await setWechatState(deps.db, row.id, 'sent')
        } catch (error) {
          deps.logger.warn({ notificationId: row.id, reason: error instanceof Error ? error.message : 'unknown' }, 'wechat subscribe message failed')
          await setWechatState(deps.db, row.id, 'failed')
        }
      } catch (error) {
        deps.logger.error({ notificationId: row.id, err: error }, 'wechat delivery failed')
      }
    }
  }
  return run().catch((error: unknown) => deps.logger.error({ err: error }, 'wechat delivery failed'))
}
