import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApiClient, nextPhone, startTestApp, type TestApp } from '../../test/helpers'

/**
 * The client's address (rate limits per IP, the audit log) behind reverse
 * proxies: `HUZHU_TRUST_PROXY=N` takes the N-th `X-Forwarded-For` entry from the
 * right, the address the client-facing proxy saw; what the client wrote to the
 * left of it counts for nothing. Without proxies the header is ignored.
 */

/** A reverse proxy as nginx with `proxy_add_x_forwarded_for`: appends the address it was reached from. */
async function startAppendingProxy(target: string): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const { hostname, port } = new URL(target)
  const server: Server = createServer((incoming, outgoing) => {
    const forwarded = [incoming.headers['x-forwarded-for'], incoming.socket.remoteAddress].filter(Boolean).join(', ')
    const upstream = request({ hostname, port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, 'x-forwarded-for': forwarded } }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(outgoing)
    })
    incoming.pipe(upstream)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()) }),
  }
}

let forged = 0
/** A different made-up address on every request, as an attacker rotating X-Forwarded-For would send. */
const forgedFor = () => ({ 'X-Forwarded-For': `203.0.113.${++forged % 250}` })

const smsCode = (api: ApiClient, headers: Record<string, string>) => api.post('/api/v1/auth/sms-codes', { phone: nextPhone() }, { headers })
const wrongLogin = (api: ApiClient, headers: Record<string, string>) => api.post('/api/v1/auth/sessions', { phone: nextPhone(), code: '000000' }, { headers })

async function statuses(times: number, send: () => Promise<{ status: number }>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < times; i++) out.push((await send()).status)
  return out
}

describe('behind one reverse proxy (HUZHU_TRUST_PROXY=1)', () => {
  let app: TestApp
  let proxy: { baseUrl: string; close: () => Promise<void> }
  let viaProxy: ApiClient
  beforeAll(async () => {
    // The shipped limits: 30 SMS codes an hour and 60 login attempts in ten minutes per client address.
    app = await startTestApp({ env: { HUZHU_TRUST_PROXY: '1' }, sms: { perIpHourlyLimit: 30, perIpDailyLimit: 200, perIpLoginAttempts: 60 } })
    proxy = await startAppendingProxy(app.baseUrl)
    viaProxy = new ApiClient(proxy.baseUrl)
  })
  afterAll(async () => {
    await proxy.close()
    await app.close()
  })

  test('a client forging X-Forwarded-For on every request still gets 30 SMS codes, not a 31st', async () => {
    const answers = await statuses(31, () => smsCode(viaProxy, forgedFor()))
    expect(answers.slice(0, 30)).toEqual(Array(30).fill(204))
    expect(answers[30]).toBe(429)
  })

  test('a client forging X-Forwarded-For on every request still gets 60 login tries, not a 61st', async () => {
    const answers = await statuses(61, () => wrongLogin(viaProxy, forgedFor()))
    expect(answers.slice(0, 60)).toEqual(Array(60).fill(400))
    expect(answers[60]).toBe(429)
  })

  test('another client behind the same proxy has its own limits', async () => {
    // What the proxy sends for a client at 198.51.100.7 who also wrote an address of their own.
    const other = { 'X-Forwarded-For': '127.0.0.1, 198.51.100.7' }
    expect((await smsCode(app.api, other)).status).toBe(204)
    expect((await wrongLogin(app.api, other)).status).toBe(400)
  })
})

describe('behind two reverse proxies (HUZHU_TRUST_PROXY=2)', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ env: { HUZHU_TRUST_PROXY: '2' }, sms: { perIpHourlyLimit: 3 } })
  })
  afterAll(() => app.close())

  test('the second entry from the right is the client; the inner proxy and anything the client wrote do not count', async () => {
    // client 198.51.100.9 → outer proxy (10.0.0.2) → inner proxy → server; the client wrote a different address each time.
    const answers = await statuses(4, () => smsCode(app.api, { 'X-Forwarded-For': `${forgedFor()['X-Forwarded-For']}, 198.51.100.9, 10.0.0.2` }))
    expect(answers).toEqual([204, 204, 204, 429])
    expect((await smsCode(app.api, { 'X-Forwarded-For': '198.51.100.10, 10.0.0.2' })).status).toBe(204)
  })
})

describe('with no proxy configured', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ sms: { perIpHourlyLimit: 3, perIpLoginAttempts: 4 } })
  })
  afterAll(() => app.close())

  test('X-Forwarded-For is ignored: the connection is the client', async () => {
    expect(await statuses(4, () => smsCode(app.api, forgedFor()))).toEqual([204, 204, 204, 429])
    expect(await statuses(5, () => wrongLogin(app.api, forgedFor()))).toEqual([400, 400, 400, 400, 429])
  })
})
