import type { Config } from '../../config'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { DeliveryError, networkReason } from '../outbox/delivery-error'

const TIMEOUT_MS = 5_000
/** WeChat renews a stable token 5 minutes before its end (both work meanwhile): ours is not used in those minutes. */
const RENEW_BEFORE_SECONDS = 300

export interface WechatTokenDeps {
  db: Db
  protector: DataProtector
}

/** WeChat could not be reached or was busy (errcode -1): worth trying again later. */
export class WechatUnavailable extends DeliveryError {}

export async function wechatJson(url: URL, init?: RequestInit): Promise<Record<string, unknown>> {
  let response: Response
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (error) {
    throw new WechatUnavailable(`wechat unreachable: ${networkReason(error)}`)
  }
  if (!response.ok) throw new WechatUnavailable(`wechat http ${response.status}`)
  return (await response.json()) as Record<string, unknown>
}

const contextOf = (appId: string) => `wechat_access_tokens.token:${appId}`

/**
 * The mini-program's access token (接口调用凭据), one for every node: kept in
 * the database (`wechat_access_tokens`, sealed with the data key) with the
 * instant to stop using it, so nodes share it instead of each fetching its own.
 * When the stored one is missing, about to end, or is `rejected` (WeChat just
 * refused it), a new one is asked for from `POST /cgi-bin/stable_token` in its
 * normal mode (getStableAccessToken, never `force_refresh`): while a token is
 * valid WeChat answers that same token, and asking never cancels the one other
 * nodes hold (as `/cgi-bin/token` would), so two nodes renewing at once simply
 * store the same token twice and no lock is needed.
 */
export async function wechatAccessToken(deps: WechatTokenDeps, wechat: Config['wechat'], rejected?: string): Promise<string> {
  const appId = wechat.appId ?? ''
  const row = await deps.db.selectFrom('wechat_access_tokens').selectAll().where('app_id', '=', appId).executeTakeFirst()
  if (row && Date.parse(row.expires_at) > Date.now()) {
    let stored: string | undefined
    try {
      stored = deps.protector.decrypt(row.token, contextOf(appId))
    } catch {
      stored = undefined // sealed with another data key: fetch a new one
    }
    if (stored !== undefined && stored !== rejected) return stored
  }
  const reply = await wechatJson(new URL(`${wechat.apiBase}/cgi-bin/stable_token`), {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret: wechat.secret ?? '', force_refresh: false }),
  })
  if (typeof reply.access_token !== 'string') throw new WechatUnavailable(`wechat token errcode ${String(reply.errcode)}`)
  const seconds = typeof reply.expires_in === 'number' ? reply.expires_in : 7200
  const now = new Date()
  const values = {
    token: deps.protector.encrypt(reply.access_token, contextOf(appId)),
    expires_at: new Date(now.getTime() + Math.max(60, seconds - RENEW_BEFORE_SECONDS) * 1000).toISOString(),
    updated_at: now.toISOString(),
  }
  await deps.db.insertInto('wechat_access_tokens').values({ app_id: appId, ...values })
    .onConflict((oc) => oc.column('app_id').doUpdateSet(values)).execute()
  return reply.access_token
}
