import type { GrantableRole, Role } from '@huzhu/shared'
import { nowIso } from '../../src/clock'
import { grantRole } from '../../src/features/accounts/roles.service'
import { newId } from '../../src/ids'
import { fillProfile } from './members'
import { startTestApp, type TestApp, type TestAppOptions } from './test-app'

export interface TestUser {
  id: string
  token: string
  phone: string
  roles: Role[]
}

/** A role to grant: a role name, or a unit admin of one unit. */
export type RoleToGrant = Exclude<GrantableRole, 'unit_admin'> | { role: 'unit_admin'; unitId: string }

let phoneCounter = 0

/** A fresh mainland mobile number, different on every call in this process. */
export function nextPhone(): string {
  phoneCounter += 1
  return `139${String(phoneCounter).padStart(8, '0')}`
}

/** Creates a unit directly in the database; returns its id. */
export async function createUnit(app: TestApp, name = '测试快递站'): Promise<string> {
  const id = newId('unt', app.clock.now())
  await app.db.insertInto('units').values({ id, name, created_at: nowIso(app.clock) }).execute()
  return id
}

/** Grants roles directly in the database (as an admin would through the API). */
export async function grantRoles(app: TestApp, userId: string, roles: readonly RoleToGrant[]): Promise<void> {
  for (const r of roles) {
    const role = typeof r === 'string' ? r : r.role
    const unitId = typeof r === 'string' ? null : r.unitId
    await app.db.transaction().execute((trx) => grantRole(trx, app.clock, { userId, role, unitId, grantedBy: null }))
  }
}

/** Roles that handle claims: their holders act only with a real-name profile on file (DOMAIN.md, "Identity"). */
const HANDLES_CLAIMS = new Set(['staff', 'reviewer', 'admin'])

/**
 * Signs a user in over HTTP the way the app does (SMS code request, then the
 * fixed code), grants the roles asked for, and returns the bearer token. A
 * staff member, reviewer or admin gets a real-name profile of their own first
 * (a fresh ID number), as they need one to handle claims; `profile: false` skips it.
 * Each call uses a new phone unless one is given; signing the same phone in
 * again within a minute needs `app.clock.advance(61_000)` (the per-number limit).
 */
export async function loginAs(app: TestApp, options: { phone?: string; roles?: readonly RoleToGrant[]; profile?: boolean } = {}): Promise<TestUser> {
  const phone = options.phone ?? nextPhone()
  const code = app.config.sms.fixedCode
  if (!code) throw new Error('loginAs needs SMS_FIXED_CODE (startTestApp sets it)')
  const sent = await app.api.post('/api/v1/auth/sms-codes', { phone })
  if (sent.status !== 204) throw new Error(`sms-codes answered ${sent.status}: ${sent.text}`)
  const session = await app.api.post('/api/v1/auth/sessions', { phone, code })
  if (session.status !== 200) throw new Error(`sessions answered ${session.status}: ${session.text}`)
  const id = session.body.user.id as string
  const roles: Role[] = ['member', ...(options.roles ?? []).map((r) => (typeof r === 'string' ? r : r.role))]
  const user = { id, token: session.body.token as string, phone, roles }
  if (options.profile ?? roles.some((r) => HANDLES_CLAIMS.has(r))) await fillProfile(app, user, { name: '测试工作人员', occupation: 'other' })
  await grantRoles(app, id, options.roles ?? [])
  return user
}

/** One signed-in user per role (a unit admin of a new unit), for access tests. */
/** One signed-in user per role; the unit admin administers `unitId`, a new unit. */
export type EveryRole = Record<Role, TestUser> & { unitId: string }

export async function loginEveryRole(app: TestApp): Promise<EveryRole> {
  const unitId = await createUnit(app)
  return {
    unitId,
    member: await loginAs(app),
    unit_admin: await loginAs(app, { roles: [{ role: 'unit_admin', unitId }] }),
    staff: await loginAs(app, { roles: ['staff'] }),
    reviewer: await loginAs(app, { roles: ['reviewer'] }),
    admin: await loginAs(app, { roles: ['admin'] }),
  }
}

/**
 * The set-up of most feature tests: a fresh app and one user per role.
 * `beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))`, then `afterAll(() => app.close())`.
 */
export async function startAppWithEveryRole(options: TestAppOptions = {}): Promise<{ app: TestApp; users: EveryRole }> {
  const app = await startTestApp(options)
  return { app, users: await loginEveryRole(app) }
}
