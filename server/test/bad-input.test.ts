import type { Role } from '@huzhu/shared'
import { apiRoutes } from '../src/routes'
import type { Route } from '../src/http/route'
import { startAppWithEveryRole, type ApiResponse, type EveryRole, type TestApp } from './helpers'

/**
 * Every endpoint that takes input, fed bad input by a caller who may use it:
 * the answer is a 4xx with a stable code and a Chinese message, never a 5xx or
 * a stack trace. Endpoints with no input of any kind are listed, so a new one
 * cannot slip past unseen.
 */
let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

const withoutInput = new Set([
  'health', 'getOpenApiDocument', 'listCatalogues', 'getMe', 'deleteCurrentSession', 'getMyProfile', 'listMyConsents',
  'listMyEnrolments', 'getCertificateKeys', 'getClientConfig', 'listUnits', 'getRosterTemplate', 'listEvents',
])
const order: Role[] = ['member', 'unit_admin', 'staff', 'reviewer', 'admin']

function callerFor(route: Route): string | undefined {
  if (route.access === 'public') return undefined
  if (route.access === 'signed_in') return users.member.token
  const { roles } = route.access
  return users[order.find((r) => roles.includes(r))!].token
}

/** Path parameters made malformed (ids with the wrong shape). */
const badPath = (path: string) => path.replace(/:(\w+)/g, 'not-an-id!')
const goodPath = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => (name === 'unitId' ? users.unitId : name === 'catalogueId' ? 'shanghai-2020' : 'xxx_01JAAAAAAAAAAAAAAAAAAAAAAA'))

function expectClearRefusal(res: ApiResponse, route: Route) {
  const where = `${route.method.toUpperCase()} ${route.path} answered ${res.status}: ${res.text.slice(0, 200)}`
  expect([where, res.status >= 400 && res.status < 500]).toEqual([where, true])
  expect(res.body?.error?.code).toEqual(expect.stringMatching(/^[a-z0-9_]+$/))
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/)
  expect(res.text).not.toMatch(/at .+\.ts:\d+/)
}

const withInput = apiRoutes.filter((r) => !withoutInput.has(r.operationId))

test('the routes without input are still routes (the list above is not stale)', () => {
  const ids = new Set(apiRoutes.map((r) => r.operationId))
  for (const id of withoutInput) expect([id, ids.has(id)]).toEqual([id, true])
  for (const r of apiRoutes.filter((r) => withoutInput.has(r.operationId))) {
    expect([r.operationId, r.request.body ?? r.request.query ?? r.request.params ?? r.rawBody ?? null]).toEqual([r.operationId, null])
  }
})

describe.each(withInput.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', (_name, route) => {
  /** The caller's token (when the route needs one) and any extra headers or raw bytes. */
  const as = (extra: { headers?: Record<string, string>; rawBody?: string | Uint8Array } = {}) => {
    const token = callerFor(route)
    return token ? { token, ...extra } : extra
  }

  if (route.request.params) {
    test('a malformed id in the path', async () => {
      const res = await app.api.request(route.method.toUpperCase(), badPath(route.path), route.method === 'get' ? undefined : {}, as())
      expectClearRefusal(res, route)
    })
  }
  if (route.request.body) {
    test('a body of the wrong shape', async () => {
      const res = await app.api.request(route.method.toUpperCase(), goodPath(route.path), [42, 'x'], as({ headers: { 'Idempotency-Key': 'bad-input-test-key-0001' } }))
      expectClearRefusal(res, route)
    })
    test('a body that is not JSON', async () => {
      const res = await app.api.request(route.method.toUpperCase(), goodPath(route.path), undefined, as({ headers: { 'content-type': 'application/json' }, rawBody: '{"unclosed": ' }))
      expectClearRefusal(res, route)
    })
  }
  if (route.rawBody) {
    test('an empty file', async () => {
      const res = await app.api.request(route.method.toUpperCase(), goodPath(route.path), undefined, as({ rawBody: new Uint8Array(0) }))
      expectClearRefusal(res, route)
    })
  }
  if (route.request.query) {
    test('a query value of the wrong type', async () => {
      const res = await app.api.request(route.method.toUpperCase(), `${goodPath(route.path)}?limit=lots&catalogueId=${'x'.repeat(200)}&cursor=${'~'.repeat(100)}&sharePercent=-1&status=nonsense`, undefined, as())
      expectClearRefusal(res, route)
    })
  }
})
