import type { ComponentType } from 'react'
import { describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { MeResponse, Role } from '@huzhu/shared'
import { loginWithSms } from '../../src/api/member'
import StaffHomePage from '../../src/staff/index'
import CardCheckPage from '../../src/staff/check'
import EventsPage from '../../src/staff/events'
import UnitPage from '../../src/staff/unit'
import ReviewPage from '../../src/staff/review'
import PaymentsPage from '../../src/staff/payments'
import MedicalPage from '../../src/staff/medical'
import { fakeServer, json } from '../fixtures'
import { navigations, setRequestHandler } from '../taro-stub'

/**
 * Signing in from a staff page: the page asks the signed-out visitor to sign
 * in, the log-in page stores the session and goes back, and the staff page,
 * which stayed open underneath, shows its content (it used to keep saying
 * "please sign in", and its button led to the log-in screen again).
 */
const unitId = 'unt_1'

function meAs(role: Exclude<Role, 'member'>): MeResponse {
  const grants = role === 'unit_admin' ? [{ id: 'rol_1', role, unitId, grantedAt: '2026-11-25T00:00:00Z' }] : []
  return { id: 'usr_1', roles: ['member', role], grants, phoneMasked: '138****0002', wechatLinked: false, hasProfile: true }
}

function officeServer(me: MeResponse) {
  return fakeServer({
    'POST /api/v1/auth/sessions': json({ token: 'a-fresh-session-token-0123456789', expiresAt: '2026-12-25T00:00:00Z', user: { id: me.id, roles: me.roles } }),
    'GET /api/v1/me': json(me),
    'GET /api/v1/events': json({ events: [] }),
    'GET /api/v1/review/claims': json({ claims: [], nextCursor: null }),
    'GET /api/v1/enrolments': json({ enrolments: [], nextCursor: null }),
    'GET /api/v1/payments/pending-enrolments': json({ enrolments: [], nextCursor: null }),
    'GET /api/v1/units/unt_1': json({ id: unitId, name: '碑林区外卖骑手站', createdAt: '2026-11-01T00:00:00Z', catalogueId: null, products: [], fundingSource: 'unit', counts: { enrolled: 0, pendingPayment: 0, active: 0, premiumDueFen: 0 } }),
    'GET /api/v1/units/unt_1/catalogues': json({ catalogues: [] }),
  })
}

const pages: [string, Exclude<Role, 'member'>, ComponentType, string][] = [
  ['/staff/index/index', 'staff', StaffHomePage, 'staff-home'],
  ['/staff/check/index', 'staff', CardCheckPage, 'card-check'],
  ['/staff/events/index', 'staff', EventsPage, 'events-empty'],
  ['/staff/payments/index', 'staff', PaymentsPage, 'claim-payments'],
  ['/staff/medical/index', 'staff', MedicalPage, 'medical-desk'],
  ['/staff/review/index', 'reviewer', ReviewPage, 'review-queue'],
  ['/staff/index/index', 'reviewer', StaffHomePage, 'staff-entry-review'],
  ['/staff/unit/index', 'unit_admin', UnitPage, 'unit-desk'],
]

describe('signing in from a staff page', () => {
  test.each(pages)('%s as %s: after the log-in the page shows its content', async (path, role, Page, contentId) => {
    window.history.pushState({}, '', path)
    setRequestHandler(officeServer(meAs(role)))
    render(<Page />)
    await waitFor(() => expect(document.getElementById('staff-signed-out')).toBeTruthy())

    fireEvent.click(document.getElementById('staff-sign-in')!)
    expect(navigations).toEqual([{ kind: 'navigateTo', url: `/pages/login/index?redirect=${encodeURIComponent(path)}` }])

    // The log-in page signs in, then goes back to this page, which stayed open underneath.
    await act(async () => {
      await loginWithSms('13800000002', '246810')
    })
    await waitFor(() => expect(document.getElementById(contentId)).toBeTruthy())
    expect(document.getElementById('staff-signed-out')).toBeNull()
    expect(document.getElementById('staff-forbidden')).toBeNull()
  })

  test('a session the server no longer accepts turns the page back to “please sign in”', async () => {
    window.history.pushState({}, '', '/staff/review/index')
    let accepted = true
    const office = officeServer(meAs('reviewer'))
    setRequestHandler((options) => (accepted ? office(options) : json({ error: { code: 'session_expired', message: '登录已过期，请重新登录' } }, 401)))
    await act(async () => {
      await loginWithSms('13800000003', '246810')
    })
    render(<ReviewPage />)
    await waitFor(() => expect(document.getElementById('review-queue')).toBeTruthy())
    accepted = false
    fireEvent.click(document.getElementById('queue-status-submitted')!)
    await waitFor(() => expect(document.getElementById('staff-signed-out')).toBeTruthy())
  })
})
