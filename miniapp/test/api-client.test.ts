import { describe, expect, jest, test } from '@jest/globals'
import { catalogueListResponseSchema, fillTemplate, message, ui } from '@huzhu/shared'
import { createApiClient, noContent, schemaDecoder, SIGNED_OUT } from '../src/api/client'
import { ApiError } from '../src/api/errors'
import { getMyProfile } from '../src/api/member'
import { getToken, setToken } from '../src/api/token'
import { catalogueServer, errorResponse } from './fixtures'
import { eventCenter, requests, setRequestHandler, type RequestResult } from './taro-stub'

const sleeps: number[] = []
function client() {
  sleeps.length = 0
  return createApiClient({
    baseUrl: 'https://huzhu.example.cn',
    timeoutMs: 5_000,
    retryDelaysMs: [10, 20],
    sleep: (ms) => {
      sleeps.push(ms)
      return Promise.resolve()
    },
  })
}
const listCatalogues = { path: '/api/v1/catalogues', decode: schemaDecoder(catalogueListResponseSchema) }

/** Answers with each result in turn; a string is a failure with that errMsg. */
function answers(...results: (RequestResult | string)[]) {
  setRequestHandler(() => {
    const next = results.shift()
    if (next === undefined) throw new Error('more requests than expected')
    return typeof next === 'string' ? Promise.reject({ errMsg: next }) : next
  })
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

describe('API client', () => {
  test('sends the base URL, the timeout and the bearer token, and decodes the answer', async () => {
    setToken('tok-123')
    setRequestHandler((options) => catalogueServer()({ ...options, url: options.url.replace('https://huzhu.example.cn', '') }))
    const body = await client().request(listCatalogues)

    expect(body.catalogues.map((c) => c.id)).toEqual(['shanghai-2020', 'shaanxi-gig-2023'])
    expect(requests[0]).toMatchObject({
      url: 'https://huzhu.example.cn/api/v1/catalogues',
      method: 'GET',
      timeout: 5_000,
      header: { Authorization: 'Bearer tok-123', Accept: 'application/json' },
    })
  })

  test('no token, no Authorization header; a JSON body is sent as JSON', async () => {
    answers({ statusCode: 200, data: { ok: true } })
    await client().request({ method: 'POST', path: '/api/v1/quotes', body: { products: ['A0'] }, decode: (b) => ({ ok: true, value: b }) })

    expect(requests[0]?.header).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json' })
    expect(requests[0]?.data).toEqual({ products: ['A0'] })
  })

  test("an error answer becomes the server's code and Chinese message", async () => {
    answers(errorResponse(404, 'unknown_catalogue', message('unknown_catalogue')))
    const error = await failure(client().request(listCatalogues))

    expect(error).toMatchObject({ kind: 'http', status: 404, code: 'unknown_catalogue', message: message('unknown_catalogue') })
  })

  test('401 forgets the stored token', async () => {
    setToken('expired')
    answers(errorResponse(401, 'session_expired', message('session_expired')))
    const error = await failure(client().request(listCatalogues))

    expect(error.message).toBe(message('session_expired'))
    expect(getToken()).toBeNull()
  })

  test('an answer that does not match the schema is a bad response', async () => {
    answers({ statusCode: 200, data: { catalogues: 'none' } })
    const error = await failure(client().request(listCatalogues))

    expect(error).toMatchObject({ kind: 'bad_response', message: ui.network.badResponse })
  })

  test('an idempotent request is retried after a network failure', async () => {
    answers('request:fail ssl hand shake error', 'request:fail', { statusCode: 200, data: { catalogues: [] } })
    const body = await client().request(listCatalogues)

    expect(body.catalogues).toEqual([])
    expect(requests).toHaveLength(3)
    expect(sleeps).toEqual([10, 20])
  })

  test('after the last retry the network failure is reported in Chinese', async () => {
    answers('request:fail', 'request:fail', 'request:fail timeout')
    const error = await failure(client().request(listCatalogues))

    expect(error).toMatchObject({ kind: 'timeout', message: ui.network.timeout })
    expect(requests).toHaveLength(3)
  })

  test('a gateway error (502) is retried; a page that is not JSON gets our message', async () => {
    answers({ statusCode: 502, data: '<html>Bad Gateway</html>' }, { statusCode: 502, data: null }, { statusCode: 503, data: null })
    const error = await failure(client().request(listCatalogues))

    expect(error).toMatchObject({ kind: 'http', status: 503, message: fillTemplate(ui.network.httpStatus, { status: 503 }) })
  })

  test('a POST is not retried: the server may have acted on it', async () => {
    answers('request:fail')
    const error = await failure(client().request({ method: 'POST', path: '/api/v1/quotes', body: {}, decode: (b) => ({ ok: true, value: b }) }))

    expect(error).toMatchObject({ kind: 'network', message: ui.network.offline })
    expect(requests).toHaveLength(1)
  })

  test('H5 aborts a request that outlives its timeout: reported as a timeout', async () => {
    setRequestHandler(() => Promise.reject(Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' })))
    const error = await failure(client().request({ ...listCatalogues, method: 'POST' }))

    expect(error.kind).toBe('timeout')
  })

  test('extra headers (an Idempotency-Key) are sent, and such a POST may be retried', async () => {
    answers('request:fail', { statusCode: 201, data: null })
    await client().request({ method: 'POST', path: '/api/v1/claims', body: {}, headers: { 'Idempotency-Key': 'claim-abc-123' }, retry: true, decode: noContent })

    expect(requests).toHaveLength(2)
    expect(requests[1]?.header?.['Idempotency-Key']).toBe('claim-abc-123')
  })

  test('a session the server no longer accepts: the token is forgotten and the pages are told', async () => {
    setToken('old')
    let told = 0
    eventCenter.on(SIGNED_OUT, () => told++)
    answers(errorResponse(401, 'session_expired', message('session_expired')))
    await failure(client().request(listCatalogues))

    expect(told).toBe(1)
    expect(getToken()).toBeNull()
  })
})

describe('my real-name profile (GET /api/v1/me/profile)', () => {
  const profile = {
    userId: 'usr_1', name: '王小明', idNumber: '610102199001011231', sex: 'M', birthDate: '1990-01-01', mobile: '13800001111', masked: false,
    occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true, updatedAt: '2026-11-25T02:00:00.000Z',
  }

  test('"no profile yet" is a normal answer however the server puts it, and nothing is logged as an error', async () => {
    const logged = jest.spyOn(console, 'error')
    const noProfile: RequestResult[] = [
      { statusCode: 204, data: null },
      { statusCode: 200, data: null },
      { statusCode: 200, data: { profile: null } },
      errorResponse(404, 'profile_required', message('profile_required')),
    ]
    for (const answer of noProfile) {
      answers(answer)
      await expect(getMyProfile()).resolves.toBeNull()
    }
    expect(logged).not.toHaveBeenCalled()
    logged.mockRestore()
  })

  test('a profile comes bare or as {profile}; any other 404 or a malformed body is still an error', async () => {
    answers({ statusCode: 200, data: profile })
    await expect(getMyProfile()).resolves.toMatchObject({ name: '王小明' })
    answers({ statusCode: 200, data: { profile } })
    await expect(getMyProfile()).resolves.toMatchObject({ name: '王小明' })
    answers({ statusCode: 200, data: { profile: { name: 1 } } })
    expect((await failure(getMyProfile())).kind).toBe('bad_response')
    answers(errorResponse(404, 'not_found', message('not_found')))
    expect((await failure(getMyProfile())).code).toBe('not_found')
  })
})
