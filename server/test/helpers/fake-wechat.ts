import { createServer, type Server } from 'node:http'
import { listenOnLoopback } from './loopback'

export interface FakeSubscribeMessage {
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
}

export interface FakeWechat {
  baseUrl: string
  appId: string
  secret: string
  /** Query strings received by `/sns/jscode2session`, for assertions. */
  requests: URLSearchParams[]
  /** Subscribe messages accepted by `/cgi-bin/message/subscribe/send`. */
  subscribeMessages: FakeSubscribeMessage[]
  /** Access tokens made by `/cgi-bin/token` and `/cgi-bin/stable_token` (a stable token asked for again while valid is the same one). */
  tokensIssued: number
  /** Requests for an access token, to either endpoint. */
  tokenRequests: number
  /** Makes the current stable token invalid now (as if it ran out early): subscribe sends with it answer 40001. */
  expireToken(): void
  /** The next N subscribe sends answer this errcode (e.g. 43101: the user has not subscribed). */
  failSubscribe: { count: number; errcode: number }
  close(): Promise<void>
}

/**
 * A local stand-in for api.weixin.qq.com. `/sns/jscode2session` codes:
 * `ok-<name>` → openid `openid-<name>`; `busy` → errcode -1; `broken` → HTTP 500;
 * anything else → errcode 40029 (invalid code). A wrong appid/secret → 40013.
 * `/cgi-bin/token` (client_credential) gives a new access token each time; `POST
 * /cgi-bin/stable_token` (JSON) gives the current one while it is valid, a new one
 * with `force_refresh` (getStableAccessToken's normal and forced modes);
 * `/cgi-bin/message/subscribe/send` checks it and records the message.
 */
export async function startFakeWechat(appId = 'wx-test-app', secret = 'test-secret'): Promise<FakeWechat> {
  const requests: URLSearchParams[] = []
  const tokens = new Set<string>()
  let stable: string | undefined
  const fake: Omit<FakeWechat, 'baseUrl' | 'close'> = {
    appId, secret, requests, subscribeMessages: [], tokensIssued: 0, tokenRequests: 0, failSubscribe: { count: 0, errcode: 0 },
    expireToken() {
      if (stable) tokens.delete(stable)
      stable = undefined
    },
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
      let text = ''
      req.on('data', (c: Buffer) => { text += c.toString() })
      req.on('end', () => {
        fake.tokenRequests++
        const body = JSON.parse(text || '{}') as { grant_type?: string; appid?: string; secret?: string; force_refresh?: boolean }
        if (body.appid !== appId || body.secret !== secret || body.grant_type !== 'client_credential') return reply(200, { errcode: 40013, errmsg: 'invalid appid' })
        if (body.force_refresh === true || stable === undefined) {
          if (stable) tokens.delete(stable)
          stable = `stable-token-${++fake.tokensIssued}`
          tokens.add(stable)
        }
        reply(200, { access_token: stable, expires_in: 7200 })
      })
      return
    }
    if (url.pathname === '/cgi-bin/token') {
      fake.tokenRequests++
      if (url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret || url.searchParams.get('grant_type') !== 'client_credential') {
        return reply(200, { errcode: 40013, errmsg: 'invalid appid' })
      }
      const token = `token-${++fake.tokensIssued}`
      tokens.add(token)
      return reply(200, { access_token: token, expires_in: 7200 })
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      let text = ''
      req.on('data', (c: Buffer) => { text += c.toString() })
      req.on('end', () => {
        if (!tokens.has(url.searchParams.get('access_token') ?? '')) return reply(200, { errcode: 40001, errmsg: 'invalid credential' })
        if (fake.failSubscribe.count > 0) {
          fake.failSubscribe.count--
          return reply(200, { errcode: fake.failSubscribe.errcode, errmsg: 'refused' })
        }
        fake.subscribeMessages.push(JSON.parse(text) as FakeSubscribeMessage)
        reply(200, { errcode: 0, errmsg: 'ok' })
      })
      return
    }
    if (url.pathname !== '/sns/jscode2session') return reply(404, { errcode: 404 })
    requests.push(url.searchParams)
    const code = url.searchParams.get('js_code') ?? ''
    if (url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret) return reply(200, { errcode: 40013, errmsg: 'invalid appid' })
    if (url.searchParams.get('grant_type') !== 'authorization_code') return reply(200, { errcode: 40002, errmsg: 'invalid grant_type' })
    if (code === 'busy') return reply(200, { errcode: -1, errmsg: 'system busy' })
    if (code === 'broken') return reply(500, {})
    if (code.startsWith('ok-')) return reply(200, { openid: `openid-${code.slice(3)}`, session_key: 'c2Vzc2lvbi1rZXk=' })
    return reply(200, { errcode: 40029, errmsg: 'invalid code' })
  })
  const { url, close } = await listenOnLoopback(server)
  return Object.assign(fake, { baseUrl: url, close })
}
