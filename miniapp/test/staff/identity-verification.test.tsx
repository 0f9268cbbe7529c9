import { describe, expect, test } from '@jest/globals'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { idCheckCharacter, message, staffUi, type MeResponse, type MemberSearchResult } from '@huzhu/shared'
import StaffHomePage from '../../src/staff/index'
import IdentityPage from '../../src/staff/identity'
import { errorResponse, fakeServer, json } from '../fixtures'
import { modals, navigations, requests, setModalAnswer, setRequestHandler, setStorageSync, type RequestResult } from '../taro-stub'

/**
 * A rider whose unit registered an old phone comes to the office with their ID
 * card: staff type the number, see every account holding it, ask which login
 * phone is the rider's, and verify that one (DOMAIN.md, "Identity").
 */
const staffMe: MeResponse = { id: 'usr_staff', roles: ['member', 'staff'], grants: [], phoneMasked: '138****0002', wechatLinked: false, hasProfile: true }
const first17 = '61010219900101123'
const idNumber = first17 + idCheckCharacter(first17)
const wrongCheck = first17 + (idCheckCharacter(first17) === '1' ? '2' : '1')
const maskedId = `6101**********${idNumber.slice(-4)}`

function account(overrides: Partial<MemberSearchResult>): MemberSearchResult {
  return {
    userId: 'usr_a', name: '王小明', idNumber: maskedId, sex: 'M', birthDate: '1990-**-**', mobile: '139****0010', masked: true,
    occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true, updatedAt: '2026-11-20T02:00:00Z',
    profileCreatedAt: '2026-11-20T02:00:00Z', loginPhoneMasked: '139****0010', linked: false, ...overrides,
  }
}
const impostor = account({ userId: 'usr_other', mobile: '137****1111', loginPhoneMasked: '137****1111', profileCreatedAt: '2026-11-01T01:00:00Z' })
const rider = account({ userId: 'usr_rider', mobile: '186****2222', loginPhoneMasked: '186****2222', profileCreatedAt: '2026-11-25T07:17:00Z' })

const type = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(document.getElementById(id)!)
const text = (id: string) => document.getElementById(id)?.textContent ?? null
const searches = () => requests.filter((r) => r.url === '/api/v1/members/search')
const verifications = () => requests.filter((r) => r.url.endsWith('/identity-verifications'))

function office(options: { me?: MeResponse; found?: MemberSearchResult[]; verify?: (userId: string) => RequestResult } = {}) {
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  const found = options.found ?? [impostor, rider]
  setRequestHandler(fakeServer({
    'GET /api/v1/me': json(options.me ?? staffMe),
    'POST /api/v1/members/search': ({ data }) => json({ members: (data as { idNumber: string }).idNumber === idNumber ? found : [] }),
    ...Object.fromEntries(found.map((m) => [`POST /api/v1/members/${m.userId}/identity-verifications`, () =>
      options.verify ? options.verify(m.userId) : json({ userId: m.userId, insuredPersonId: 'ipn_1' }, 201)])),
  }))
}

async function searchFor(value: string) {
  render(<IdentityPage />)
  await waitFor(() => expect(document.getElementById('identity-id-number')).toBeTruthy())
  type('identity-id-number', value)
  click('identity-search')
}

describe('verifying a rider by their ID card', () => {
  test('the number is checked as it is typed; a wrong one is not searched', async () => {
    office()
    render(<IdentityPage />)
    await waitFor(() => expect(document.getElementById('identity-id-number')).toBeTruthy())
    type('identity-id-number', first17.slice(0, 10))
    expect(document.getElementById('identity-id-number-error')).toBeNull()
    click('identity-search')
    expect(text('identity-error')).toBe(message('id_length', { length: 10 }))

    type('identity-id-number', wrongCheck)
    expect(text('identity-id-number-error')).toBe(message('id_checksum'))
    click('identity-search')
    expect(text('identity-error')).toBe(message('id_checksum'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(searches()).toEqual([])
  })

  test('lists every account holding the number with its masked login phone and whether it is linked; verifies the rider’s after a confirm that says what it does', async () => {
    office({ found: [impostor, { ...rider }, account({ userId: 'usr_linked', linked: true, loginPhoneMasked: null })] })
    await searchFor(` ${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14).toLowerCase()} `)
    await waitFor(() => expect(document.getElementById('identity-results')).toBeTruthy())
    expect(searches().map((r) => r.data)).toEqual([{ idNumber }])
    expect(text('identity-found')).toBe('3 个账号填写了这个身份证号码')
    expect(text('identity-several')).toBe(staffUi.identity.several)

    expect(text('identity-account-usr_rider-login-phone')).toBe('186****2222')
    expect(text('identity-account-usr_rider-profile-mobile')).toBe('186****2222')
    expect(text('identity-account-usr_rider-made')).toBe('2026-11-25 15:17')
    expect(text('identity-account-usr_rider-state')).toBe(staffUi.identity.notLinked)
    expect(text('identity-account-usr_linked-login-phone')).toBe(staffUi.identity.wechatOnly)
    expect(text('identity-account-usr_linked-state')).toBe(staffUi.identity.linked)
    expect(document.getElementById('identity-account-usr_linked-verify')).toBeNull()

    // Cancelled: nothing sent.
    setModalAnswer(false)
    click('identity-account-usr_rider-verify')
    await waitFor(() => expect(modals).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(verifications()).toEqual([])

    setModalAnswer(true)
    click('identity-account-usr_rider-verify')
    await waitFor(() => expect(document.getElementById('identity-verified')?.dataset.userId).toBe('usr_rider'))
    expect(modals[1]).toMatchObject({ title: '核实为本人', confirmText: '核实' })
    expect(modals[1]!.content).toContain('登录手机号 186****2222')
    expect(modals[1]!.content).toContain(`身份证号码 ${maskedId} 名下的保障`)
    expect(modals[1]!.content).toContain('申请理赔')
    expect(modals[1]!.content).toContain('身份证原件')
    expect(verifications().map((r) => [r.method, r.url])).toEqual([['POST', '/api/v1/members/usr_rider/identity-verifications']])
    expect(text('identity-verified')).toContain('186****2222')
    expect(document.getElementById('identity-account-usr_rider')?.dataset.linked).toBe('true')
    expect(document.getElementById('identity-account-usr_rider-verify')).toBeNull()
    expect(document.getElementById('identity-account-usr_other')?.dataset.linked).toBe('false')

    // Another number typed: what was found belongs to the old one.
    type('identity-id-number', first17)
    expect(document.getElementById('identity-results')).toBeNull()
    expect(document.getElementById('identity-verified')).toBeNull()
  })

  test('the server’s refusals are shown in its Chinese words, on the account', async () => {
    const refusals: Record<string, RequestResult> = {
      usr_other: errorResponse(404, 'identity_no_enrolment', message('identity_no_enrolment')),
      usr_rider: errorResponse(403, 'identity_own_verification', message('identity_own_verification')),
    }
    office({ verify: (userId) => refusals[userId]! })
    await searchFor(idNumber)
    await waitFor(() => expect(document.getElementById('identity-results')).toBeTruthy())
    click('identity-account-usr_rider-verify')
    await waitFor(() => expect(text('identity-account-usr_rider-error')).toBe('不能核实自己的身份，请由其他工作人员办理'))
    click('identity-account-usr_other-verify')
    await waitFor(() => expect(text('identity-account-usr_other-error')).toBe(message('identity_no_enrolment')))
    expect(document.getElementById('identity-account-usr_rider-error')).toBeNull()
    expect(document.getElementById('identity-verified')).toBeNull()
    expect(document.getElementById('identity-account-usr_rider')?.dataset.linked).toBe('false')
  })

  test('no account holds the number: the rider must first sign up and fill the real-name profile', async () => {
    office({ found: [] })
    await searchFor(idNumber)
    await waitFor(() => expect(document.getElementById('identity-none')).toBeTruthy())
    expect(text('identity-none')).toContain('先用自己的手机号登录小程序')
    expect(text('identity-none')).toContain('实名信息')
  })

  test('a failed search says why', async () => {
    office()
    setRequestHandler(fakeServer({
      'GET /api/v1/me': json(staffMe),
      'POST /api/v1/members/search': errorResponse(429, 'rate_limited', message('rate_limited')),
    }))
    await searchFor(idNumber)
    await waitFor(() => expect(text('identity-error')).toBe(message('rate_limited')))
    expect(document.getElementById('identity-results')).toBeNull()
  })

})

describe('who may open it', () => {
  test('staff and admins open it from the staff home', async () => {
    for (const role of ['staff', 'admin'] as const) {
      office({ me: { ...staffMe, roles: ['member', role] } })
      const home = render(<StaffHomePage />)
      await waitFor(() => expect(text('staff-entry-identity')).toContain(staffUi.entries.identity))
      click('staff-entry-identity')
      expect(navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/staff/identity/index' })
      home.unmount()
    }
  })

  test('a reviewer sees no entry and is refused the page', async () => {
    const reviewer: MeResponse = { ...staffMe, roles: ['member', 'reviewer'] }
    office({ me: reviewer })
    const home = render(<StaffHomePage />)
    await waitFor(() => expect(document.getElementById('staff-entry-review')).toBeTruthy())
    expect(document.getElementById('staff-entry-identity')).toBeNull()
    home.unmount()
    render(<IdentityPage />)
    await waitFor(() => expect(document.getElementById('staff-forbidden')).toBeTruthy())
  })
})
