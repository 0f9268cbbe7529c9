import { describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import { message, usersUi, type MeResponse, type RoleGrant, type UserSummary } from '@huzhu/shared'
import UsersPage from '../../src/staff/users'
import { fakeServer, json } from '../fixtures'
import { modals, navigations, requests, setModalAnswer, setRequestHandler, setRouterParams, setStorageSync, type RequestResult } from '../taro-stub'

/**
 * The admin finds an account by its login phone, grants and revokes roles
 * (never their own admin role), and opens its audit trail (issue 11, item 7).
 */
const admin: MeResponse = { id: 'usr_admin', roles: ['member', 'admin'], grants: [{ id: 'rol_admin', role: 'admin', unitId: null, grantedAt: '2026-11-01T02:00:00.000Z' }], phoneMasked: '138****0001', wechatLinked: false, hasProfile: true }
const grant = (id: string, role: RoleGrant['role'], unitId: string | null = null): RoleGrant => ({ id, role, unitId, grantedAt: '2026-11-20T02:00:00.000Z' })

function account(grants: RoleGrant[], overrides: Partial<UserSummary> = {}): UserSummary {
  return {
    id: 'usr_rider', roles: ['member', ...grants.map((g) => g.role)], grants, phoneMasked: '139****0005', wechatLinked: false, hasProfile: true,
    createdAt: '2026-11-20T02:00:00.000Z', disabled: false, ...overrides,
  }
}

const byId = (id: string) => document.getElementById(id)
const text = (id: string) => byId(id)?.textContent ?? null
const type = (id: string, value: string) => fireEvent.change(byId(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(byId(id)!)
const calls = (method: string, prefix: string) => requests.filter((r) => (r.method ?? 'GET') === method && r.url.startsWith(prefix))

function office(routes: Record<string, RequestResult | ((options: { data?: unknown }) => RequestResult)>) {
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  setRequestHandler(fakeServer({
    'GET /api/v1/me': json(admin),
    'GET /api/v1/units': json({ units: [{
      id: 'unt_1', name: '碑林区外卖骑手站', createdAt: '2026-11-01T02:00:00.000Z', creditCode: null, regionCode: null, regionName: null, industry: null,
      unionMemberHeadcount: null, catalogueId: null, fundingSource: 'unit',
    }] }),
    ...routes,
  }))
}

async function findByPhone(phone: string) {
  setRouterParams({})
  render(<UsersPage />)
  await waitFor(() => expect(byId('users-phone')).toBeTruthy())
  type('users-phone', phone)
  click('users-find')
}

describe('finding an account', () => {
  test('by its login phone, sent in the body and never in a URL; a wrong number is not sent; an unknown one is said so', async () => {
    office({ 'POST /api/v1/users/lookup': ({ data }) => ((data as { phone: string }).phone === '13900000005' ? json(account([])) : { statusCode: 404, data: { error: { code: 'not_found', message: message('not_found') } } }) })
    await findByPhone('1390000')
    expect(text('users-error')).toBe(message('mobile_invalid'))
    expect(calls('POST', '/api/v1/users/lookup')).toEqual([])

    type('users-phone', '13700000000')
    click('users-find')
    await waitFor(() => expect(text('users-error')).toBe(usersUi.notFound))

    type('users-phone', '139 0000 0005')
    click('users-find')
    await waitFor(() => expect(byId('users-account')).toBeTruthy())
    expect(calls('POST', '/api/v1/users/lookup').map((r) => r.data)).toEqual([{ phone: '13700000000' }, { phone: '13900000005' }])
    expect(requests.some((r) => r.url.includes('13900000005'))).toBe(false)
    expect(text('users-account')).toContain('139****0005')
    expect(text('users-no-roles')).toBe(usersUi.noRoles)
  })
})

describe('roles', () => {
  test('grants a reviewer role; a unit admin needs a unit; the account is read again', async () => {
    let grants: RoleGrant[] = []
    office({
      'POST /api/v1/users/lookup': () => json(account(grants)),
      'GET /api/v1/users/usr_rider': () => json(account(grants)),
      'POST /api/v1/users/usr_rider/roles': ({ data }) => {
        const body = data as { role: RoleGrant['role']; unitId?: string }
        const made = grant(`rol_${grants.length + 1}`, body.role, body.unitId ?? null)
        grants = [...grants, made]
        return json(made, 201)
      },
    })
    await findByPhone('13900000005')
    await waitFor(() => expect(byId('users-grant')).toBeTruthy())
    click('users-grant-submit')
    expect(text('users-grant-error')).toBe(usersUi.chooseRole)

    click('users-grant-role-unit_admin')
    click('users-grant-submit')
    expect(text('users-grant-error')).toBe(usersUi.chooseUnit)
    click('users-grant-role-reviewer')
    click('users-grant-submit')
    await waitFor(() => expect(text('users-notice')).toBe('已授予“理赔审核员”角色'))
    expect(calls('POST', '/api/v1/users/usr_rider/roles').map((r) => r.data)).toEqual([{ role: 'reviewer' }])
    await waitFor(() => expect(text('users-grant-rol_1')).toContain('理赔审核员'))
    // Held: not offered again; a unit admin may be granted for a unit, named.
    expect(byId('users-grant-role-reviewer')).toBeNull()
    click('users-grant-role-unit_admin')
    click('users-grant-unit-unt_1')
    click('users-grant-submit')
    await waitFor(() => expect(text('users-grant-rol_2')).toContain('单位经办人 · 单位：碑林区外卖骑手站'))
    expect(calls('POST', '/api/v1/users/usr_rider/roles').map((r) => r.data)).toEqual([{ role: 'reviewer' }, { role: 'unit_admin', unitId: 'unt_1' }])
  })

  test('revokes after a confirm that says what it does; cancelled, nothing is sent; the server’s refusal is shown', async () => {
    let grants = [grant('rol_rev', 'reviewer'), grant('rol_staff', 'staff')]
    office({
      'POST /api/v1/users/lookup': () => json(account(grants)),
      'GET /api/v1/users/usr_rider': () => json(account(grants)),
      'DELETE /api/v1/users/usr_rider/roles/rol_rev': () => {
        grants = grants.filter((g) => g.id !== 'rol_rev')
        return { statusCode: 204, data: '' }
      },
      'DELETE /api/v1/users/usr_rider/roles/rol_staff': { statusCode: 404, data: { error: { code: 'not_found', message: message('not_found') } } },
    })
    await findByPhone('13900000005')
    await waitFor(() => expect(byId('users-grant-rol_rev-revoke')).toBeTruthy())
    setModalAnswer(false)
    click('users-grant-rol_rev-revoke')
    await waitFor(() => expect(modals).toHaveLength(1))
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(calls('DELETE', '/api/v1/users')).toEqual([])
    expect(modals[0]).toMatchObject({ title: usersUi.revokeTitle, confirmText: usersUi.revoke })
    expect(modals[0]!.content).toContain('撤销 139****0005 的“理赔审核员”角色？')

    setModalAnswer(true)
    click('users-grant-rol_rev-revoke')
    await waitFor(() => expect(text('users-notice')).toBe('已撤销“理赔审核员”角色'))
    await waitFor(() => expect(byId('users-grant-rol_rev')).toBeNull())
    click('users-grant-rol_staff-revoke')
    await waitFor(() => expect(text('users-revoke-error')).toBe(message('not_found')))
  })

  test('the admin’s own admin role has no revoke button, only why; their other roles do', async () => {
    const own = account([grant('rol_admin', 'admin'), grant('rol_rev', 'reviewer')], { id: 'usr_admin', phoneMasked: '138****0001' })
    office({ 'POST /api/v1/users/lookup': json(own) })
    await findByPhone('13800000001')
    await waitFor(() => expect(byId('users-account')).toBeTruthy())
    expect(text('users-account')).toContain(usersUi.you)
    expect(byId('users-grant-rol_admin-revoke')).toBeNull()
    expect(text('users-grant-rol_admin-own')).toBe(usersUi.ownAdmin)
    expect(byId('users-grant-rol_rev-revoke')).toBeTruthy()
  })

  test('opened by id from the audit log, and on to its audit trail', async () => {
    office({ 'GET /api/v1/users/usr_rider': json(account([grant('rol_rev', 'reviewer')])) })
    setRouterParams({ userId: 'usr_rider' })
    render(<UsersPage />)
    await waitFor(() => expect(byId('users-account')).toBeTruthy())
    click('users-audit-actor')
    click('users-audit-subject')
    expect(navigations.map((n) => n.url)).toEqual(['/staff/audit/index?actorUserId=usr_rider', '/staff/audit/index?subjectUserId=usr_rider'])
  })
})
