import type { Logger } from 'pino'
import { AppError } from '../../http/errors'

/** What code2Session tells us about the person: the mini-program's openid (and unionid when bound). */
export interface WechatIdentity {
  openid: string
  unionid?: string
}

export interface WechatClient {
  /** Exchanges a `wx.login()` code; throws an AppError the client may see. */
  code2Session(code: string): Promise<WechatIdentity>
}

export interface WechatSettings {
  appId: string | undefined
  secret: string | undefined
  apiBase: string
  timeoutMs?: number
}

interface Code2SessionReply {
  openid?: unknown
  unionid?: unknown
  errcode?: unknown
}

/**
 * `GET {apiBase}/sns/jscode2session` (WeChat mini-program login). A refused code
 * is a 401 `wechat_login_failed`; an unreachable or broken WeChat a 502
 * `wechat_unavailable`; missing settings a 503 `wechat_not_configured`. The
 * session_key is never kept or logged.
 */
export function createWechatClient(settings: WechatSettings, logger?: Logger, fetchImpl: typeof fetch = fetch): WechatClient {
  return {
    async code2Session(code) {
      if (!settings.appId || !settings.secret) throw new AppError(503, 'wechat_not_configured')
      const url = new URL(`${settings.apiBase}/sns/jscode2session`)
      url.searchParams.set('appid', settings.appId)
      url.searchParams.set('secret', settings.secret)
      url.searchParams.set('js_code', code)
      url.searchParams.set('grant_type', 'authorization_code')
      let reply: Code2SessionReply
      try {
        const response = await fetchImpl(url, { signal: AbortSignal.timeout(settings.timeoutMs ?? 5_000) })
        if (!response.ok) throw new Error(`status ${response.status}`)
        reply = (await response.json()) as Code2SessionReply
      } catch (error) {
        // The URL holds the app secret and the code: log only the reason.
        logger?.warn({ reason: error instanceof Error ? error.message : 'unknown' }, 'wechat code2session failed')
        throw new AppError(502, 'wechat_unavailable')
      }
      const errcode = typeof reply.errcode === 'number' ? reply.errcode : 0
      if (errcode === -1) throw new AppError(502, 'wechat_unavailable') // WeChat busy
      if (errcode !== 0) logger?.info({ errcode }, 'wechat refused the login code')
      if (errcode !== 0 || typeof reply.openid !== 'string' || reply.openid === '') throw new AppError(401, 'wechat_login_failed')
      return { openid: reply.openid, ...(typeof reply.unionid === 'string' ? { unionid: reply.unionid } : {}) }
    },
  }
}
