import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeWechat {
  baseUrl: string
  appId: string
  secret: string
  /** Query strings received, for assertions. */
  requests: URLSearchParams[]
  close(): Promise<void>
}

/**
 * A local stand-in for api.weixin.qq.com's `/sns/jscode2session`. Codes:
 * `ok-<name>` → openid `openid-<name>`; `busy` → errcode -1; `broken` → HTTP 500;
 * anything else → errcode 40029 (invalid code). A wrong appid/secret → 40013.
 */
export async function startFakeWechat(appId = 'wx-test-app', secret = 'test-secret'): Promise<FakeWechat> {
  const requests: URLSearchParams[] = []
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
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
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    appId,
    secret,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}
