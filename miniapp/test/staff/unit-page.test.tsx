import { describe, expect, test } from '@jest/globals'
import { render, waitFor } from '@testing-library/react'
import type { Enrolment, MeResponse } from '@huzhu/shared'
import UnitPage from '../../src/staff/unit'
import { catalogueServer, enrolmentFixture, fakeServer, json, shaanxi, summaryOf } from '../fixtures'
import { requests, setRequestHandler, setRouterParams, setStorageSync } from '../taro-stub'

/**
 * A unit admin's page: the roster is offered only in the plans the unit may use
 * (a Shaanxi unit was offered Shanghai 2020), and the people enrolled are listed
 * so that each value is readable on a phone: labelled, each on its own line.
 */
const unitId = 'unt_1'
const me: MeResponse = {
  id: 'usr_ua', roles: ['member', 'unit_admin'], grants: [{ id: 'rol_1', role: 'unit_admin', unitId, grantedAt: '2026-11-01T00:00:00Z' }],
  phoneMasked: '138****0004', wechatLinked: false, hasProfile: true,
}
const unit = {
  id: unitId, name: '碑林区外卖骑手站', createdAt: '2026-11-01T00:00:00Z', catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'unit',
  counts: { enrolled: 2, pendingPayment: 1, active: 1, premiumDueFen: 10_000 },
}
const people: Enrolment[] = [
  enrolmentFixture({ id: 'enr_a', status: 'active', premiumFen: 10_000, person: { ...enrolmentFixture().person, name: '张三', idNumber: '6101**********1234', mobile: '138****5678' } }),
  enrolmentFixture({ id: 'enr_b', status: 'pending_payment', premiumFen: 10_000, person: { ...enrolmentFixture().person, name: '欧阳明月', idNumber: '6101**********567X', mobile: '139****0001' } }),
]

function unitServer(unitCatalogues: unknown[]) {
  const everything = catalogueServer()
  const unitRoutes = fakeServer({
    'GET /api/v1/me': json(me),
    [`GET /api/v1/units/${unitId}`]: json(unit),
    [`GET /api/v1/units/${unitId}/catalogues`]: json({ catalogues: unitCatalogues }),
    'GET /api/v1/enrolments': json({ enrolments: people, nextCursor: null }),
  })
  setStorageSync('huzhu.session.token', 'token-of-the-unit-admin-0123456789')
  setRouterParams({ unitId })
  // The public list of every plan (Shanghai 2020 included) stays reachable: the page must not offer from it.
  setRequestHandler((options) => (options.url.startsWith('/api/v1/catalogues') ? everything(options) : unitRoutes(options)))
}

describe('the unit page', () => {
  test('offers the roster only in the plans the unit may use', async () => {
    unitServer([summaryOf(shaanxi)])
    render(<UnitPage />)
    await waitFor(() => expect(document.getElementById('roster-catalogue-shaanxi-gig-2023')).toBeTruthy())
    expect(document.getElementById('roster-catalogue-shanghai-2020')).toBeNull()
    expect(document.getElementById('roster-catalogue-shaanxi-gig-2023')?.getAttribute('aria-checked')).toBe('true')
    expect(requests.some((r) => r.url === `/api/v1/units/${unitId}/catalogues`)).toBe(true)
  })

  test('a unit with no plan open to it is told so, and offered none', async () => {
    unitServer([])
    render(<UnitPage />)
    await waitFor(() => expect(document.getElementById('roster-no-catalogue')).toBeTruthy())
    expect(document.querySelectorAll('[id^="roster-catalogue-"]')).toHaveLength(0)
  })

  test('each person enrolled: name and status, then ID number, products and premium, each labelled on a line of its own', async () => {
    unitServer([summaryOf(shaanxi)])
    render(<UnitPage />)
    await waitFor(() => expect(document.getElementById('unit-member-enr_b')).toBeTruthy())
    const fields = (id: string) => Array.from(document.querySelectorAll(`#unit-member-${id} .unit-member__field`)).map((field) => [
      field.querySelector('.unit-member__label')?.textContent, field.querySelector('.unit-member__value')?.textContent,
    ])
    expect(fields('enr_b')).toEqual([['身份证号', '6101**********567X'], ['参保项目', 'ZY 住院+意外'], ['保费', '¥100.00']])
    const who = document.querySelector('#unit-member-enr_b .unit-member__who')!
    expect([who.querySelector('.unit-member__name')?.textContent, who.querySelector('.unit-member__status')?.textContent]).toEqual(['欧阳明月', '待缴费'])
    expect(document.querySelector('#unit-member-enr_a .unit-member__status')?.textContent).toBe('已缴费')
    // On a desk screen the same cells line up under one heading row.
    expect(Array.from(document.querySelectorAll('.unit-members__head > *')).map((h) => h.textContent)).toEqual(['姓名', '身份证号', '参保项目', '保费', '状态'])
  })
})
