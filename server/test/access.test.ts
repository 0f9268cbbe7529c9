import type { Role } from '@huzhu/shared'
import { apiRoutes } from '../src/routes'
import { idPattern } from '../src/ids'
import { loginAs, loginEveryRole, startTestApp, type RoleToGrant, type TestApp, type TestUser } from './helpers'

/**
 * Every endpoint in the registry, every role: a route for some roles answers
 * 401 without a token and 403 to every other role; a signed-in route answers
 * 401 without a token; a public route never asks for one.
 */
let app: TestApp
let users: Record<Role, TestUser> & { unitId: string }
beforeAll(async () => {
  app = await startTestApp()
  users = await loginEveryRole(app)
})
afterAll(() => app.close())

const allRoles: Role[] = ['member', 'unit_admin', 'staff', 'reviewer', 'admin']
const prefixes: Record<string, string> = { userId: 'usr', unitId: 'unt', grantId: 'rol', consentId: 'cns', uploadId: 'upl', claimId: 'clm', notificationId: 'ntf', batchId: 'cpb', enrolmentId: 'enr', personId: 'per', paymentId: 'pay', rosterId: 'rst', eventId: 'evt', payeeAccountId: 'pya', invitationId: 'uai', hardshipWorkerId: 'hdw' }

function concretePath(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'unitId') return users.unitId
    if (name === 'catalogueId') return 'shanghai-2020'
    if (name === 'year') return '2027'
    const sample = `${prefixes[name] ?? 'xxx'}_01JAAAAAAAAAAAAAAAAAAAAAAA`
    expect(sample).toMatch(idPattern(prefixes[name] ?? 'xxx'))
    return sample
  })
}

const call = (method: string, path: string, token?: string) =>
  app.api.request(method.toUpperCase(), concretePath(path), method === 'get' || method === 'delete' ? undefined : {}, token ? { token } : {})

describe.each(apiRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', (_name, route) => {
  if (route.access === 'public') {
    test('is public', async () => {
      const res = await call(route.method, route.path)
      expect([401, 403]).not.toContain(res.status)
    })
    return
  }

  test('needs a token', async () => {
    const res = await call(route.method, route.path)
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('unauthenticated')
  })

  const allowed = route.access === 'signed_in' ? allRoles : route.access.roles
  // Signing out spends the token: that route gets a fresh sign-in.
  const tokenFor = async (role: Role) => {
    if (route.operationId !== 'deleteCurrentSession') return users[role].token
    const grant: RoleToGrant[] = role === 'member' ? [] : role === 'unit_admin' ? [{ role, unitId: users.unitId }] : [role]
    return (await loginAs(app, { roles: grant })).token
  }

  test.each(allRoles)('as %s', async (role) => {
    const res = await call(route.method, route.path, await tokenFor(role))
    // Allowed: anything but an access refusal (a 403 for a missing consent is the route's own business).
    if (allowed.includes(role)) expect([401, 'forbidden']).not.toContain(res.status === 403 ? res.body?.error?.code : res.status)
    else {
      expect(res.status).toBe(403)
      expect(res.body.error).toEqual({ code: 'forbidden', message: '没有权限进行此操作' })
    }
  })
})
