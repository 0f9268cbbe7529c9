import { describe, expect, test } from '@jest/globals'
import { fireEvent, render, waitFor } from '@testing-library/react'
import type { Enrolment, MeResponse } from '@huzhu/shared'
import PaymentsPage from '../../src/staff/payments'
import { enrolmentFixture, errorResponse, fakeServer, json } from '../fixtures'
import { requests, setRequestHandler, setStorageSync } from '../taro-stub'

/**
 * A rider who enrolled alone and must pay by transfer: staff find the pending
 * enrolment on the payments page by name or by phone and confirm the transfer.
 */
const me: MeResponse = { id: 'usr_staff', roles: ['member', 'staff'], grants: [], phoneMasked: '138****0002', wechatLinked: false, hasProfile: true }
const person = enrolmentFixture().person
const alone = enrolmentFixture({ id: 'enr_self', status: 'pending_payment', coverState: 'pending_payment', unit: null, eventId: null, premiumFen: 10_000, person: { ...person, name: '王小明', mobile: '139****0010' } })
const ofUnit = enrolmentFixture({ id: 'enr_unit', status: 'pending_payment', coverState: 'pending_payment', unit: { id: 'unt_1', name: '雁塔区快递网点' }, premiumFen: 10_000, person: { ...person, name: '李四', mobile: '139****0020' } })

const type = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(document.getElementById(id)!)
const listed = () => Array.from(document.querySelectorAll('.pending-row')).map((row) => row.id)

function office() {
  let pending: Enrolment[] = [alone, ofUnit]
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  setRequestHandler(fakeServer({
    'GET /api/v1/me': json(me),
    'GET /api/v1/events': json({ events: [] }),
    'GET /api/v1/review/claims': json({ claims: [], nextCursor: null }),
    'GET /api/v1/payments/pending-enrolments': ({ url }) => {
      const q = new URLSearchParams(url.split('?')[1] ?? '').get('q') ?? ''
      if (q === '1390000') return errorResponse(400, 'pending_search_phone_incomplete', '按手机号查找请输入完整的 11 位手机号；按姓名查找请输入姓名')
      const found = q === '' ? pending : q === '13900000010' ? pending.filter((e) => e.id === 'enr_self') : pending.filter((e) => e.person.name.includes(q))
      return json({ enrolments: found, nextCursor: null })
    },
    'POST /api/v1/payments': ({ data }) => {
      const ids = (data as { enrolmentIds: string[] }).enrolmentIds
      pending = pending.filter((e) => !ids.includes(e.id))
      return json({ id: 'pay_1', catalogueId: 'shaanxi-gig-2023', reference: 'ZZ0001', amountFen: 10_000, payer: null, enrolmentCount: ids.length, confirmedAt: '2026-11-25T02:00:00Z', confirmedBy: me.id }, 201)
    },
  }))
}

describe('pending enrolments on the payments page', () => {
  test('listed with self-enrolments, found by name and by phone, paid by transfer; a paid one leaves the list', async () => {
    office()
    render(<PaymentsPage />)
    await waitFor(() => expect(listed()).toEqual(['pending-row-enr_self', 'pending-row-enr_unit']))
    expect(document.getElementById('pending-row-enr_self')?.textContent).toContain('自行参保')
    expect(document.getElementById('pending-row-enr_unit')?.textContent).toContain('单位参保：雁塔区快递网点')

    type('pending-search', '小明')
    click('pending-search-submit')
    await waitFor(() => expect(listed()).toEqual(['pending-row-enr_self']))
    expect(requests.some((r) => r.url === '/api/v1/payments/pending-enrolments?q=%E5%B0%8F%E6%98%8E&limit=20')).toBe(true)

    type('pending-search', '1390000')
    click('pending-search-submit')
    await waitFor(() => expect(document.getElementById('pending-error')?.textContent).toBe('按手机号查找请输入完整的 11 位手机号；按姓名查找请输入姓名'))

    type('pending-search', '13900000010')
    click('pending-search-submit')
    await waitFor(() => expect(listed()).toEqual(['pending-row-enr_self']))

    click('pending-row-enr_self')
    expect(document.getElementById('pending-row-enr_self')?.getAttribute('aria-checked')).toBe('true')
    expect(document.getElementById('pending-selected')?.dataset.count).toBe('1')
    type('pending-transfer-reference', 'ZZ0001')
    click('pending-transfer-submit')
    await waitFor(() => expect(document.getElementById('pending-transfer-done')?.dataset.paymentId).toBe('pay_1'))
    expect(requests.find((r) => r.method === 'POST' && r.url === '/api/v1/payments')?.data).toEqual({ catalogueId: 'shaanxi-gig-2023', reference: 'ZZ0001', amountFen: 10_000, enrolmentIds: ['enr_self'] })
    await waitFor(() => expect(document.getElementById('pending-empty')).toBeTruthy())

    click('pending-search-clear')
    await waitFor(() => expect(listed()).toEqual(['pending-row-enr_unit']))
  })
})
