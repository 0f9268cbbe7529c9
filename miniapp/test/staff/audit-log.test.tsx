import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { auditUi, type AuditEntry, type MeResponse } from '@huzhu/shared'
import AuditPage from '../../src/staff/audit'
import { fakeServer, json } from '../fixtures'
import { navigations, requests, setRequestHandler, setRouterParams, setStorageSync, type RequestResult } from '../taro-stub'

/**
 * The audit log for an admin (issue 11, item 7): filtered by who did it, whose
 * account, what and which days, a page at a time, and exported as a spreadsheet.
 */
const admin: MeResponse = { id: 'usr_admin', roles: ['member', 'admin'], grants: [], phoneMasked: '138****0001', wechatLinked: false, hasProfile: true }
const ADMIN_ID = `usr_01K${'A'.repeat(22)}D`
const RIDER_ID = `usr_01K${'B'.repeat(22)}R`

function entry(id: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id, at: '2026-11-29T02:15:00.000Z', actorUserId: ADMIN_ID, subjectUserId: RIDER_ID, action: 'create', resource: 'role_grant:reviewer', fields: ['role'],
    ip: '10.0.0.8', requestId: 'req-1', actorPhoneMasked: '138****0001', subjectPhoneMasked: '139****0005', ...overrides,
  }
}

const byId = (id: string) => document.getElementById(id)
const text = (id: string) => byId(id)?.textContent ?? null
const type = (id: string, value: string) => fireEvent.change(byId(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(byId(id)!)
const logCalls = () => requests.filter((r) => r.url.startsWith('/api/v1/audit-log')).map((r) => r.url)

function office(log: (url: string) => RequestResult, extra: Record<string, RequestResult | ((options: { data?: unknown }) => RequestResult)> = {}) {
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  const server = fakeServer({
    'GET /api/v1/me': json(admin),
    'POST /api/v1/users/lookup': ({ data }) => ((data as { phone: string }).phone === '13900000005'
      ? json({ id: RIDER_ID, roles: ['member'], grants: [], phoneMasked: '139****0005', wechatLinked: false, hasProfile: true, createdAt: '2026-11-20T02:00:00.000Z', disabled: false })
      : { statusCode: 404, data: { error: { code: 'not_found', message: '没有找到要查看的内容' } } }),
    ...extra,
  })
  setRequestHandler((options) => (options.url.startsWith('/api/v1/audit-log?') ? log(options.url) : server(options)))
}

async function open(params: Record<string, string> = {}) {
  setRouterParams(params)
  render(<AuditPage />)
  await waitFor(() => expect(byId('audit-entries')).toBeTruthy())
}

describe('the audit log', () => {
  test('opens on the newest entries, each in words: when, what, to what, by whom, about whom, which fields, from where', async () => {
    office(() => json({ entries: [entry('aud_2'), entry('aud_1', { action: 'update', resource: 'holiday_calendar:2027', subjectUserId: null, subjectPhoneMasked: null, fields: ['holidays'] })], nextBefore: null }))
    await open()
    expect(logCalls()).toEqual(['/api/v1/audit-log?limit=50'])
    expect(text('audit-entry-aud_2')).toContain('2026-11-29 10:15')
    expect(text('audit-entry-aud_2')).toContain('新增')
    expect(text('audit-entry-aud_2-resource')).toBe('角色 理赔审核员')
    expect(text('audit-entry-aud_2-actor')).toBe('操作人 138****0001')
    expect(text('audit-entry-aud_2-subject')).toBe('涉及账号 139****0005')
    expect(text('audit-entry-aud_2')).toContain('字段：角色 · IP 10.0.0.8')
    expect(text('audit-entry-aud_1-resource')).toBe('节假日安排 2027')
    expect(byId('audit-entry-aud_1-subject')).toBeNull()
    // Tapping an account opens it.
    click('audit-entry-aud_2-subject')
    expect(navigations).toEqual([{ kind: 'navigateTo', url: `/staff/users/index?userId=${RIDER_ID}` }])
    expect(byId('audit-more')).toBeNull()
  })

  test('filters: an account by its login phone (looked up first), an action, days; a phone without an account and bad days are said, not sent', async () => {
    office(() => json({ entries: [], nextBefore: null }))
    await open()
    type('audit-subject', '13700000000')
    click('audit-search')
    await waitFor(() => expect(text('audit-error')).toBe('没有用手机号 13700000000 登录过的账号'))
    type('audit-subject', '139 0000 0005')
    type('audit-from', '2026-11-30')
    type('audit-to', '2026-11-01')
    click('audit-search')
    await waitFor(() => expect(text('audit-error')).toBe(auditUi.rangeInvalid))
    type('audit-to', '2026-11-3')
    click('audit-search')
    await waitFor(() => expect(text('audit-error')).toBe(auditUi.dateInvalid))
    type('audit-actor', 'someone')
    click('audit-search')
    await waitFor(() => expect(text('audit-error')).toBe(auditUi.userInvalid))
    expect(logCalls()).toEqual(['/api/v1/audit-log?limit=50'])

    type('audit-actor', ADMIN_ID)
    type('audit-from', '2026-11-01')
    type('audit-to', '2026-11-30')
    click('audit-action-delete')
    click('audit-search')
    await waitFor(() => expect(logCalls()).toHaveLength(2))
    expect(logCalls()[1]).toBe(`/api/v1/audit-log?actorUserId=${ADMIN_ID}&subjectUserId=${RIDER_ID}&from=2026-11-01&to=2026-11-30&action=delete&limit=50`)
    await waitFor(() => expect(text('audit-empty')).toBe(auditUi.empty))
    expect(requests.some((r) => r.url.includes('13900000005'))).toBe(false)
  })

  test('opened for an account from its page; more entries a page at a time', async () => {
    office((url) => json(url.includes('before=')
      ? { entries: [entry('aud_1')], nextBefore: null }
      : { entries: [entry('aud_3'), entry('aud_2')], nextBefore: 'aud_2' }))
    await open({ actorUserId: ADMIN_ID })
    expect((byId('audit-actor') as HTMLInputElement).value).toBe(ADMIN_ID)
    expect(logCalls()).toEqual([`/api/v1/audit-log?actorUserId=${ADMIN_ID}&limit=50`])
    click('audit-more')
    await waitFor(() => expect(byId('audit-entries')?.dataset.count).toBe('3'))
    expect(logCalls()[1]).toBe(`/api/v1/audit-log?actorUserId=${ADMIN_ID}&before=aud_2&limit=50`)
    expect(byId('audit-more')).toBeNull()
  })
})

describe('exporting the audit log (H5)', () => {
  const realFetch = globalThis.fetch
  const realObjectUrl = URL.createObjectURL
  let fetchMock: jest.Mock<(url: string, init?: RequestInit) => Promise<unknown>>
  beforeEach(() => {
    fetchMock = jest.fn(async () => ({ ok: true, status: 200, blob: async () => new Blob(['xlsx']), headers: { get: () => null } }))
    globalThis.fetch = fetchMock as unknown as typeof fetch
    URL.createObjectURL = () => 'blob:audit'
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
  })
  afterEach(() => {
    globalThis.fetch = realFetch
    URL.createObjectURL = realObjectUrl
    jest.restoreAllMocks()
  })

  test('exports what the list shows: the filters applied, not those typed since', async () => {
    office(() => json({ entries: [entry('aud_1')], nextBefore: null }))
    await open({ subjectUserId: RIDER_ID })
    type('audit-from', '2026-11-01')
    click('audit-export')
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1))
    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/v1/audit-log/export.xlsx?subjectUserId=${RIDER_ID}`)
    expect((fetchMock.mock.calls[0]![1] as RequestInit).headers).toMatchObject({ Authorization: 'Bearer a-session-token-0123456789' })
  })
})
