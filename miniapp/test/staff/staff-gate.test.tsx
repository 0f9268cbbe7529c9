import { describe, expect, test } from '@jest/globals'
import { render, screen, waitFor } from '@testing-library/react'
import { staffEntryLabel, staffUi, type MeResponse } from '@huzhu/shared'
import { StaffEntryLink } from '../../src/components/StaffEntryLink'
import StaffHomePage from '../../src/staff/index'
import ReviewPage from '../../src/staff/review'
import { requests, setRequestHandler, setStorageSync } from '../taro-stub'

function signedInAs(roles: MeResponse['roles'], grants: MeResponse['grants'] = []) {
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  const me: MeResponse = { id: 'usr_1', roles, grants, phoneMasked: '138****5678', wechatLinked: false, hasProfile: true }
  setRequestHandler(({ url }) => {
    if (url === '/api/v1/me') return { statusCode: 200, data: me }
    if (url.startsWith('/api/v1/review/claims')) return { statusCode: 200, data: { claims: [], nextCursor: null } }
    return { statusCode: 403, data: { error: { code: 'forbidden', message: '没有权限进行此操作' } } }
  })
}

describe('staff pages by role', () => {
  test('a member who opens a staff URL sees a clear “no permission”', async () => {
    signedInAs(['member'])
    render(<StaffHomePage />)
    await waitFor(() => expect(document.getElementById('staff-forbidden')).toBeTruthy())
    expect(screen.getByText(staffUi.home.noPermission)).toBeTruthy()
  })

  test('a reviewer sees the review entry and the card check, not events or payments', async () => {
    signedInAs(['member', 'reviewer'])
    render(<StaffHomePage />)
    await waitFor(() => expect(document.getElementById('staff-entry-review')).toBeTruthy())
    expect(document.getElementById('staff-entry-check')).toBeTruthy()
    expect(document.getElementById('staff-entry-events')).toBeNull()
    expect(document.getElementById('staff-entry-payments')).toBeNull()
  })

  test('staff without the reviewer role are refused the review workbench', async () => {
    signedInAs(['member', 'staff'])
    render(<ReviewPage />)
    await waitFor(() => expect(document.getElementById('staff-forbidden')).toBeTruthy())
  })

  test('signed out: asked to sign in', async () => {
    render(<StaffHomePage />)
    await waitFor(() => expect(document.getElementById('staff-signed-out')).toBeTruthy())
  })
})

describe('the staff link on the member home screen', () => {
  test('shown to a staff role, not to a member', async () => {
    signedInAs(['member', 'unit_admin'], [{ id: 'g1', role: 'unit_admin', unitId: 'unt_1', grantedAt: '2026-11-25T00:00:00Z' }])
    const staff = render(<StaffEntryLink />)
    await waitFor(() => expect(document.getElementById('home-link-staff')?.textContent).toBe(staffEntryLabel))
    staff.unmount()

    signedInAs(['member'])
    render(<StaffEntryLink />)
    await waitFor(() => expect(requests.filter((r) => r.url === '/api/v1/me')).toHaveLength(2))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(document.getElementById('home-link-staff')).toBeNull()
  })
})
