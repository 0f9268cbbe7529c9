import { get as httpGet, type IncomingHttpHeaders } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { endpoint } from '@huzhu/shared'
import { z } from 'zod'
import { defineRoute } from './route'
import { startTestApp, type TestApp } from '../../test/helpers'

const boom = defineRoute({
  endpoint: endpoint({ method: 'get', path: '/api/v1/test/boom', operationId: 'testBoom' }), tags: ['test'], access: 'public', summary: 'throws',
  responses: { 200: { description: 'never' } },
  handler() {
    throw new Error('boom: secret detail at /srv/app.ts:12')
  },
})

const drifted = defineRoute({
  endpoint: endpoint({ method: 'get', path: '/api/v1/test/drifted', operationId: 'testDrifted' }), tags: ['test'], access: 'public', summary: 'answers off-schema',
  responses: { 200: { description: 'declared', schema: z.object({ ok: z.boolean() }) } },
  handler(ctx) {
    ctx.body = { ok: 'yes' }
  },
})

const large = defineRoute({
  endpoint: endpoint({ method: 'get', path: '/api/v1/test/large', operationId: 'testLarge' }), tags: ['test'], access: 'public', summary: 'answers 2 KB of JSON',
  responses: { 200: { description: 'declared' } },
  handler(ctx) {
    ctx.body = { text: 'x'.repeat(2048) }
  },
})

/** A GET as sent, no Accept-Encoding unless given (fetch adds one and unzips), answering the raw bytes. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((done, fail) => {
    httpGet(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done({ headers: res.headers, bytes: Buffer.concat(chunks) }))
      res.on('error', fail)
    }).on('error', fail)
  })
}

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ extraRoutes: [boom, drifted, large] })
})
afterAll(() => app.close())

const quoteBody = { catalogueId: 'shanghai-2020', products: ['A0'], mode: 'instant', acceptedOn: '2020-06-09' }

describe('HTTP basics', () => {
  test('health answers {"status":"ok"}', async () => {
    const res = await app.api.get('/api/v1/health')
    expect(res.status).toBe(200)
    expect(res.text).toBe('{"status":"ok"}')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  test('a request id is echoed, or made when absent or unreasonable, and is on the log lines', async () => {
    const given = await app.api.get('/api/v1/health', { headers: { 'X-Request-Id': 'trace-123' } })
    expect(given.headers.get('x-request-id')).toBe('trace-123')
    const made = await app.api.get('/api/v1/health')
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const odd = await app.api.get('/api/v1/health', { headers: { 'X-Request-Id': 'x'.repeat(300) } })
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(app.logs()).toContain('"reqId":"trace-123"')
    const lines = app.logs().trim().split('\n').map((l) => JSON.parse(l) as { reqId?: string })
    expect(lines.every((l) => typeof l.reqId === 'string')).toBe(true)
  })

  test('malformed JSON is a 400 body_invalid_json', async () => {
    const res = await app.api.post('/api/v1/quotes', undefined, { rawBody: '{"catalogueId": ', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: { code: 'body_invalid_json', message: '请求内容不是有效的 JSON' } })
  })

  test('invalid UTF-8 is a 400', async () => {
    const res = await app.api.post('/api/v1/quotes', undefined, { rawBody: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('body_invalid_json')
  })

  test('a body that is not JSON, or is compressed, is a 415', async () => {
    const form = await app.api.post('/api/v1/quotes', undefined, { rawBody: 'catalogueId=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(form.status).toBe(415)
    expect(form.body.error.code).toBe('content_type_unsupported')
    const gz = await app.api.post('/api/v1/quotes', undefined, { rawBody: JSON.stringify(quoteBody), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } })
    expect(gz.status).toBe(415)
  })

  test('a body over the limit is a 413 naming the limit', async () => {
    const res = await app.api.post('/api/v1/quotes', { ...quoteBody, padding: 'x'.repeat(70 * 1024) })
    expect(res.status).toBe(413)
    expect(res.body.error).toEqual({ code: 'body_too_large', message: '提交的内容太大，不能超过 64 KB' })
  })

  test('a missing body and wrong fields are 400 validation_failed with a detail per field', async () => {
    const empty = await app.api.post('/api/v1/quotes')
    expect(empty.status).toBe(400)
    expect(empty.body.error.code).toBe('validation_failed')
    const wrong = await app.api.post('/api/v1/quotes', { ...quoteBody, mode: 'sometimes', acceptedOn: '2020-02-30' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.details).toEqual(expect.arrayContaining([
      { path: 'mode', code: 'field_invalid', message: '此项格式不对' },
      { path: 'acceptedOn', code: 'date_invalid', message: '日期应为“年-月-日”格式的真实日期' },
    ]))
  })

  test('an unknown API path is a JSON 404; a wrong method a 405', async () => {
    const missing = await app.api.get('/api/v1/nothing-here')
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('not_found')
    const method = await app.api.request('PATCH', '/api/v1/quotes')
    expect(method.status).toBe(405)
    expect(method.body.error.code).toBe('method_not_allowed')
    const odd = await app.api.request('PROPFIND', '/api/v1/quotes')
    expect(odd.status).toBeGreaterThanOrEqual(400)
    expect(odd.status).toBeLessThan(500)
  })

  test('a route answers at its exact path and as the router matches it (any case, a trailing slash), named on the access log line', async () => {
    for (const [path, id] of [['/api/v1/quotes', 'route-exact'], ['/api/v1/Quotes/', 'route-variant']] as const) {
      const res = await app.api.post(path, quoteBody, { headers: { 'X-Request-Id': id } })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ catalogueId: 'shanghai-2020', start: '2020-06-10' })
    }
    const lines = app.logs().trim().split('\n').map((l) => JSON.parse(l) as { reqId?: string; msg?: string })
    const access = (id: string) => lines.find((l) => l.reqId === id && l.msg === 'request')
    expect(access('route-exact')).toMatchObject({ method: 'POST', route: '/api/v1/quotes', path: '/api/v1/quotes', status: 200 })
    expect(access('route-variant')).toMatchObject({ method: 'POST', route: '/api/v1/quotes', path: '/api/v1/Quotes/', status: 200 })
  })

  test('an unexpected error is a plain 500 internal_error, logged once, with no detail to the client', async () => {
    const res = await app.api.get('/api/v1/test/boom', { headers: { 'X-Request-Id': 'boom-1' } })
    expect(res.status).toBe(500)
    expect(res.body).toEqual({ error: { code: 'internal_error', message: '服务暂时出了问题，请稍后再试' } })
    expect(res.text).not.toMatch(/boom|srv|stack/)
    const failures = app.logs().split('\n').filter((l) => l.includes('"reqId":"boom-1"') && l.includes('request failed'))
    expect(failures).toHaveLength(1)
    expect(failures[0]).toContain('boom: secret detail')
  })

  test('a JSON answer over 1 KB is gzipped for a client that accepts it, sent plain to one that does not', async () => {
    const url = `${app.baseUrl}/api/v1/test/large`
    const zipped = await rawGet(url, { 'Accept-Encoding': 'gzip' })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toBe('Accept-Encoding')
    expect(JSON.parse(gunzipSync(zipped.bytes).toString('utf8'))).toEqual({ text: 'x'.repeat(2048) })
    const plain = await rawGet(url, {})
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toBe('Accept-Encoding')
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(JSON.parse(plain.bytes.toString('utf8'))).toEqual({ text: 'x'.repeat(2048) })
  })

  test('outside production a response that drifts from its declared schema fails loudly', async () => {
    const res = await app.api.get('/api/v1/test/drifted')
    expect(res.status).toBe(500)
    expect(app.logs()).toMatch(/testDrifted answered a body that does not match its schema/)
  })
})
