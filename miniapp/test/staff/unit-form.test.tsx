import { describe, expect, test } from '@jest/globals'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { message, type MeResponse, type UnitAdminInvitation, type UnitDetail } from '@huzhu/shared'
import UnitsPage from '../../src/staff/units'
import { catalogueServer, errorResponse, fakeServer, json } from '../fixtures'
import { modals, navigations, requests, setRequestHandler, setRouterParams, setStorageSync, type RequestOptions, type RequestResult } from '../taro-stub'

/**
 * The office's unit form (issue 11, item 4): the credit code is checked by its
 * check character as it is typed, the region is chosen or typed and named, the
 * selection and the split are checked as the server checks them, and nothing
 * is sent while a check fails. A unit's admins are invited by phone and listed
 * with their status.
 */
const staffMe: MeResponse = { id: 'usr_staff', roles: ['member', 'staff'], grants: [], phoneMasked: '138****0002', wechatLinked: false, hasProfile: true }
const TENCENT = '91440300708461136T'

const detail = (over: Partial<UnitDetail> = {}): UnitDetail => ({
  id: 'unt_1', name: '碑林区外卖骑手站', createdAt: '2026-11-01T00:00:00Z', creditCode: TENCENT, regionCode: '610103', regionName: '陕西省西安市碑林区',
  industry: 'food_delivery', unionMemberHeadcount: 40, catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'unit', fundingSplit: null,
  counts: { enrolled: 10, pendingPayment: 0, active: 10, premiumDueFen: 0 }, coverage: { coveredMembers: 10, rateBp: 2_500 }, ...over,
})

const type = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(document.getElementById(id)!)
const text = (id: string) => document.getElementById(id)?.textContent ?? null
const sent = (method: string, url: string) => requests.filter((r) => r.method === method && r.url === url)

function office(routes: Record<string, RequestResult | ((options: RequestOptions) => RequestResult)> = {}) {
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  const catalogues = catalogueServer()
  const server = fakeServer({ 'GET /api/v1/me': json(staffMe), 'GET /api/v1/units': json({ units: [] }), ...routes })
  setRequestHandler((options) => (options.url.startsWith('/api/v1/catalogues') ? catalogues(options) : server(options)))
}

async function openNewUnitForm() {
  render(<UnitsPage />)
  await waitFor(() => expect(document.getElementById('unit-catalogue-shaanxi-gig-2023')).toBeTruthy())
}

describe('registering a unit', () => {
  test('the credit code is checked as it is typed: a wrong check character is refused, the right one passes', async () => {
    office()
    await openNewUnitForm()
    type('unit-credit-code', '91440300708461136X')
    expect(text('unit-credit-code-check')).toBe(message('credit_code_checksum'))
    type('unit-credit-code', '9144O300708461136T')
    expect(text('unit-credit-code-check')).toBe('统一社会信用代码第5位“O”不对：代码只用数字和大写字母，不用 I、O、S、V、Z')
    type('unit-credit-code', '9144 0300 7084 6113 6t')
    expect(text('unit-credit-code-check')).toBe('校验通过')
  })

  test('nothing is sent while a field is wrong; each problem is shown', async () => {
    office({ 'POST /api/v1/units': json(detail(), 201) })
    await openNewUnitForm()
    type('unit-credit-code', '91440300708461136X')
    type('unit-region-code', '610199')
    expect(text('unit-region-check')).toBe('陕西省没有代码为 610199 的市或区县，请核对')
    type('unit-headcount', '-3')
    click('unit-submit')
    expect(text('unit-problem-name')).toBe('请填写单位名称')
    expect(text('unit-problem-headcount')).toBe('工会会员人数应为不小于 0 的整数')
    expect(text('unit-form-error')).toBe('请填写单位名称')
    expect(sent('POST', '/api/v1/units')).toHaveLength(0)
  })

  test('a whole record: region chosen province → city → district, plan, product, a split that adds up; the unit opens', async () => {
    office({ 'POST /api/v1/units': json(detail({ id: 'unt_new', fundingSource: 'split', fundingSplit: { unionFen: 5_000, unitFen: 3_000, memberFen: 2_000 } }), 201) })
    await openNewUnitForm()
    type('unit-name', ' 碑林区外卖骑手站 ')
    type('unit-credit-code', TENCENT.toLowerCase())
    click('unit-region-province-610000')
    click('unit-region-city-610100')
    click('unit-region-district-610103')
    expect(text('unit-region-check')).toBe('陕西省西安市碑林区')
    click('unit-industry-food_delivery')
    type('unit-headcount', '40')
    click('unit-catalogue-shaanxi-gig-2023')
    await waitFor(() => expect(document.getElementById('unit-product-ZY')).toBeTruthy())
    click('unit-product-ZY')
    click('unit-funding-split')
    expect(text('unit-split-premium')).toBe('每人全年保费 100.00 元，各方合计应相等')
    type('unit-split-union', '50')
    type('unit-split-unit', '30')
    type('unit-split-member', '30')
    click('unit-submit')
    expect(text('unit-problem-fundingSplit')).toBe('各方承担的金额合计 110.00 元，应等于每人全年保费 100.00 元')
    expect(sent('POST', '/api/v1/units')).toHaveLength(0)
    type('unit-split-member', '20.00')
    click('unit-submit')
    await waitFor(() => expect(sent('POST', '/api/v1/units')).toHaveLength(1))
    expect(sent('POST', '/api/v1/units')[0]!.data).toEqual({
      name: '碑林区外卖骑手站', creditCode: TENCENT, regionCode: '610103', industry: 'food_delivery', unionMemberHeadcount: 40,
      catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'split', fundingSplit: { unionFen: 5_000, unitFen: 3_000, memberFen: 2_000 },
    })
    await waitFor(() => expect(navigations).toContainEqual({ kind: 'redirectTo', url: '/staff/units/index?unitId=unt_new' }))
  })

  test('Shanghai lists its districts at once; a province without names takes a typed code, named by its province', async () => {
    office()
    await openNewUnitForm()
    click('unit-region-province-310000')
    expect(document.getElementById('unit-region-city-310100')).toBeNull()
    click('unit-region-district-310115')
    expect(text('unit-region-check')).toBe('上海市浦东新区')
    type('unit-region-code', '410105')
    expect(text('unit-region-check')).toBe('河南省（410105）')
  })

  test('the server’s refusal (a code registered by another unit) is shown in its words', async () => {
    office({ 'POST /api/v1/units': errorResponse(409, 'unit_credit_code_taken', `统一社会信用代码 ${TENCENT} 已登记为“某单位”，同一单位不能登记两次`) })
    await openNewUnitForm()
    type('unit-name', '重复的单位')
    type('unit-credit-code', TENCENT)
    click('unit-submit')
    await waitFor(() => expect(text('unit-form-error')).toBe(`统一社会信用代码 ${TENCENT} 已登记为“某单位”，同一单位不能登记两次`))
  })
})

describe('one unit', () => {
  const invitations: UnitAdminInvitation[] = [
    { id: 'uai_2', unitId: 'unt_1', phoneMasked: '139****0002', status: 'pending', createdAt: '2026-11-24T02:00:00Z', grantedAt: null },
    { id: 'uai_1', unitId: 'unt_1', phoneMasked: '138****0004', status: 'granted', createdAt: '2026-11-20T02:00:00Z', grantedAt: '2026-11-21T03:00:00Z' },
  ]

  function unitServer(extra: Record<string, RequestResult | ((options: RequestOptions) => RequestResult)> = {}) {
    setRouterParams({ unitId: 'unt_1' })
    office({
      'GET /api/v1/units/unt_1': json(detail()),
      'GET /api/v1/units/unt_1/admin-invitations': json({ invitations }),
      ...extra,
    })
  }

  test('the form opens with the unit’s record; a change is saved with PUT', async () => {
    unitServer({ 'PUT /api/v1/units/unt_1': ({ data }) => json(detail(data as Partial<UnitDetail>)) })
    render(<UnitsPage />)
    await waitFor(() => expect(document.getElementById('unit-name')).toBeTruthy())
    expect((document.getElementById('unit-name') as HTMLInputElement).value).toBe('碑林区外卖骑手站')
    expect((document.getElementById('unit-credit-code') as HTMLInputElement).value).toBe(TENCENT)
    expect(text('unit-region-check')).toBe('陕西省西安市碑林区')
    expect(document.getElementById('unit-region-district-610103')?.getAttribute('aria-checked')).toBe('true')
    expect(text('unit-coverage')).toBe('参保覆盖率 25%（10 / 40 人）')
    await waitFor(() => expect(document.getElementById('unit-product-ZY')?.getAttribute('aria-checked')).toBe('true'))
    type('unit-headcount', '50')
    click('unit-submit')
    await waitFor(() => expect(sent('PUT', '/api/v1/units/unt_1')).toHaveLength(1))
    expect(sent('PUT', '/api/v1/units/unt_1')[0]!.data).toMatchObject({ name: '碑林区外卖骑手站', creditCode: TENCENT, regionCode: '610103', unionMemberHeadcount: 50, products: ['ZY'], fundingSource: 'unit', fundingSplit: null })
    await waitFor(() => expect(document.getElementById('unit-saved')).toBeTruthy())
  })

  test('its admins are listed with their status; a phone is invited; a pending invitation is withdrawn after a question', async () => {
    unitServer({
      'POST /api/v1/units/unt_1/admin-invitations': json({ id: 'uai_3', unitId: 'unt_1', phoneMasked: '137****5678', status: 'pending', createdAt: '2026-11-25T02:00:00Z', grantedAt: null }, 201),
      'DELETE /api/v1/units/unt_1/admin-invitations/uai_2': { statusCode: 204, data: '' },
    })
    render(<UnitsPage />)
    await waitFor(() => expect(document.getElementById('unit-invitation-uai_1')).toBeTruthy())
    const status = (id: string) => document.querySelector(`#unit-invitation-${id} .units-invitation__status`)?.textContent
    expect([status('uai_2'), status('uai_1')]).toEqual(['等待登录', '已生效'])
    expect(document.getElementById('unit-invitation-withdraw-uai_1')).toBeNull()

    type('unit-invite-phone', '1371234')
    click('unit-invite')
    expect(text('unit-invite-error')).toBe(message('mobile_invalid'))
    expect(sent('POST', '/api/v1/units/unt_1/admin-invitations')).toHaveLength(0)
    type('unit-invite-phone', '137 1234 5678')
    click('unit-invite')
    await waitFor(() => expect(sent('POST', '/api/v1/units/unt_1/admin-invitations')).toHaveLength(1))
    expect(sent('POST', '/api/v1/units/unt_1/admin-invitations')[0]!.data).toEqual({ phone: '13712345678' })

    click('unit-invitation-withdraw-uai_2')
    await waitFor(() => expect(sent('DELETE', '/api/v1/units/unt_1/admin-invitations/uai_2')).toHaveLength(1))
    expect(modals.at(-1)?.content).toBe('撤回对 139****0002 的邀请？撤回后用这个手机号登录不再成为本单位经办人。')
  })
})
