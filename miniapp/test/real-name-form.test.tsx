import { describe, expect, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { message, ui, type ProfileResponse } from '@huzhu/shared'
import ProfilePage from '../src/me/profile'
import { ProfileSummary } from '../src/features/profile/ProfileSummary'
import { RealNameForm } from '../src/features/profile/RealNameForm'
import { setToken } from '../src/api/token'
import { TodayProvider } from '../src/lib/today'
import { LoginScreen } from '../src/features/login/LoginScreen'
import { consentsServer, errorResponse, fakeServer, json, meFixture } from './fixtures'
import { navigations, requests, setRequestHandler, setRouterParams, storedText } from './taro-stub'

const VALID_ID = '610102199001011231'
const WRONG_CHECK = '610102199001011232'

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no element #${id}`)
  return element
}

function type(id: string, value: string) {
  fireEvent.change(byId(id), { target: { value } })
}

const saved: ProfileResponse = {
  userId: 'usr_1', name: '王小明', idNumber: VALID_ID, sex: 'M', birthDate: '1990-01-01', mobile: '13800001111', masked: false,
  occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true, updatedAt: '2026-11-25T02:00:00.000Z',
}

function openForm(onSaved: (p: ProfileResponse) => void = () => undefined) {
  render(
    <TodayProvider value={() => '2026-11-25'}>
      <RealNameForm onSaved={onSaved} />
    </TodayProvider>,
  )
}

function fillValid() {
  type('profile-name', '王小明')
  type('profile-id', VALID_ID)
  type('profile-mobile', '138 0000 1111')
  fireEvent.click(byId('profile-occupation-food_delivery'))
  type('profile-platform', '美团')
  fireEvent.click(byId('profile-insurance-yes'))
  fireEvent.click(byId('profile-union-yes'))
}

describe('real-name form', () => {
  test('a wrong check character is refused at the field as it is typed, with the shared message', () => {
    openForm()
    type('profile-id', WRONG_CHECK.slice(0, 17))
    expect(document.getElementById('profile-id-error')).toBeNull()

    type('profile-id', WRONG_CHECK)
    expect(byId('profile-id-error').textContent).toBe(message('id_checksum'))
    expect(byId('field-profile-id').className).toContain('has-error')

    type('profile-id', VALID_ID)
    expect(document.getElementById('profile-id-error')).toBeNull()
  })

  test('a lower-case x and full-width digits are accepted; a 15-digit number is refused with its own message', () => {
    openForm()
    type('profile-id', '11010519491231002x')
    expect(document.getElementById('profile-id-error')).toBeNull()
    type('profile-id', '６１０１０２１９９００１０１１２３１')
    expect(document.getElementById('profile-id-error')).toBeNull()
    type('profile-id', '610102900101123')
    expect(byId('profile-id-error').textContent).toBe(message('id_first_generation'))
    type('profile-id', 'A10102')
    expect(byId('profile-id-error').textContent).toBe(message('id_characters'))
  })

  test('the wrong ID cannot be saved: nothing is sent', () => {
    openForm()
    fillValid()
    type('profile-id', WRONG_CHECK)
    fireEvent.click(byId('profile-save'))

    expect(byId('profile-failure').textContent).toBe(ui.profile.fixFirst)
    expect(requests).toHaveLength(0)
  })

  test('empty fields are shown at each field with the shared messages', () => {
    openForm()
    fireEvent.click(byId('profile-save'))

    expect(byId('profile-name-error').textContent).toBe(message('name_required'))
    expect(byId('profile-id-error').textContent).toBe(message('id_required'))
    expect(byId('profile-mobile-error').textContent).toBe(message('mobile_required'))
    expect(byId('profile-occupation-error')).toBeTruthy()
    expect(byId('profile-insurance-error')).toBeTruthy()
  })

  test('a valid form is sent to PUT /api/v1/me/profile in canonical form', async () => {
    setRequestHandler(fakeServer({ 'PUT /api/v1/me/profile': json(saved) }))
    let result: ProfileResponse | null = null
    openForm((p) => (result = p))
    fillValid()
    type('profile-id', '６１０１０２１９９００１０１１２３１')
    fireEvent.click(byId('profile-save'))

    await waitFor(() => expect(result).not.toBeNull())
    expect(requests[0]).toMatchObject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      data: { name: '王小明', idNumber: VALID_ID, mobile: '13800001111', occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true },
    })
  })

  test("the server's refusal is shown in its Chinese words", async () => {
    setRequestHandler(fakeServer({ 'PUT /api/v1/me/profile': errorResponse(409, 'id_number_taken', '这个身份证号码已被其他账号使用') }))
    openForm()
    fillValid()
    fireEvent.click(byId('profile-save'))

    expect((await screen.findByText('这个身份证号码已被其他账号使用')).id).toBe('profile-failure')
  })

  test('the phone the rider just proved at log-in is filled in, and said to be', async () => {
    setRequestHandler(fakeServer({
      'POST /api/v1/auth/sms-codes': { statusCode: 204, data: '' },
      'POST /api/v1/auth/sessions': json({ token: 'tok-9', expiresAt: '2026-12-25T00:00:00.000Z', user: { id: 'usr_9', roles: ['member'] } }),
      'GET /api/v1/client-config': errorResponse(404, 'not_found', '没有找到'),
      'POST /api/v1/me/consents': json({ id: 'c', kind: 'privacy_policy', textVersion: '2026-11-01', givenAt: '2026-11-25T00:00:00.000Z', withdrawnAt: null }, 201),
    }))
    const login = render(<LoginScreen redirect='/enrol/confirm/index?catalogue=shaanxi-gig-2023&products=ZY' />)
    type('login-phone', '137 0000 1234')
    type('login-code', '246810')
    fireEvent.click(screen.getByText(ui.login.agree))
    fireEvent.click(byId('login-submit'))
    await waitFor(() => expect(navigations).toHaveLength(1))
    login.unmount()

    openForm()
    expect((byId('profile-mobile') as HTMLInputElement).value).toBe('13700001234')
    expect(byId('profile-mobile-proven').textContent).toBe(ui.profile.mobileFromLogin)
    // Changed by the rider: no longer said to be the proven one.
    type('profile-mobile', '13900001111')
    expect(document.getElementById('profile-mobile-proven')).toBeNull()
    // Never written to storage by this (only the session token is).
    expect(storedText()).not.toContain('13700001234')
  })

  test('what was typed survives going back and coming again; the ID number is kept in memory only, and forgotten once saved', async () => {
    setToken('tok')
    const first = render(
      <TodayProvider value={() => '2026-11-25'}>
        <RealNameForm onSaved={() => undefined} />
      </TodayProvider>,
    )
    type('profile-name', '王小明')
    type('profile-id', VALID_ID)
    fireEvent.click(byId('profile-occupation-courier'))
    first.unmount()

    openForm()
    expect((byId('profile-name') as HTMLInputElement).value).toBe('王小明')
    expect((byId('profile-id') as HTMLInputElement).value).toBe(VALID_ID)
    expect(byId('profile-occupation-courier').className).toContain('is-active')
    expect(storedText()).not.toContain(VALID_ID)

    // Saved: the next form starts from the saved profile (or empty), not from what was typed.
    setRequestHandler(fakeServer({ 'PUT /api/v1/me/profile': json(saved) }))
    type('profile-mobile', '13800001111')
    fireEvent.click(byId('profile-insurance-yes'))
    fireEvent.click(byId('profile-union-yes'))
    type('profile-platform', '顺丰')
    fireEvent.click(byId('profile-save'))
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true))
    await waitFor(() => expect(byId('profile-save').textContent).toBe(ui.profile.save))
    cleanup()
    openForm()
    expect((byId('profile-id') as HTMLInputElement).value).toBe('')
  })

  test('what one account typed is not offered to another', () => {
    setToken('tok-a')
    openForm()
    type('profile-id', VALID_ID)
    cleanup()

    setToken('tok-b')
    openForm()
    expect((byId('profile-id') as HTMLInputElement).value).toBe('')
  })

  test('afterwards the ID number and mobile are shown masked', () => {
    render(<ProfileSummary profile={saved} />)
    expect(byId('profile-summary-id').textContent).toBe('6101**********1231')
    expect(byId('profile-summary-mobile').textContent).toBe('138****1111')
    expect(document.body.textContent).not.toContain(VALID_ID)
    // Beside the masked number only the birth year: the full date would narrow the number to a couple of candidates.
    expect(byId('profile-summary-birth').textContent).toBe('1990年')
    expect(document.body.textContent).not.toMatch(/1990年1月1日|1990-01-01/)
  })
})

describe('real-name page', () => {
  test('asks for the sensitive-information consent first, records it, then shows the form', async () => {
    setToken('tok')
    setRouterParams({})
    setRequestHandler(fakeServer({
      'GET /api/v1/me': meFixture(false),
      ...consentsServer(['privacy_policy']),
      'POST /api/v1/me/consents': json({ id: 'cns_9', kind: 'sensitive_personal_info', textVersion: '2026-11-01', givenAt: '2026-11-25T02:00:00.000Z', withdrawnAt: null }, 201),
    }))
    render(<ProfilePage />)

    fireEvent.click(await screen.findByText(ui.consent.agree))
    await screen.findByText(ui.profile.save)
    const consent = requests.find((r) => r.method === 'POST')
    expect(consent).toMatchObject({ url: '/api/v1/me/consents', data: { kind: 'sensitive_personal_info', textVersion: '2026-11-01' } })
  })

  test('without a session it sends the member to log in and back', async () => {
    setRouterParams({ redirect: '%2Fenrol%2Fconfirm%2Findex' })
    render(<ProfilePage />)
    await waitFor(() => expect(navigations).toHaveLength(1))
    expect(navigations[0]!.kind).toBe('redirectTo')
    expect(navigations[0]!.url).toMatch(/^\/pages\/login\/index\?redirect=/)
  })
})
