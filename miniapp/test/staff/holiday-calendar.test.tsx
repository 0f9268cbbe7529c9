import { describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import { calendarUi, message, staffPageTitles, type CalendarOverview, type CalendarYear, type ClaimSummary, type MeResponse } from '@huzhu/shared'
import { ClaimDetailView } from '../../src/features/claims/ClaimDetail'
import type { PhotoService } from '../../src/features/claims/photos'
import { TodayProvider } from '../../src/lib/today'
import CalendarPage from '../../src/staff/calendar'
import { ClaimRow } from '../../src/staff/components/ClaimRow'
import StaffHomePage from '../../src/staff/index'
import { claimFixture, fakeServer, json } from '../fixtures'
import { navigations, requests, setRequestHandler, setRouterParams, setStorageSync, type RequestResult } from '../taro-stub'

/**
 * The admin keeps the holiday calendar (issue 11, item 2): the home warns before
 * it runs out, the page adds and removes a year's holidays and make-up days and
 * saves them whole; a due date counted past it says it is provisional.
 */
const admin: MeResponse = { id: 'usr_admin', roles: ['member', 'admin'], grants: [], phoneMasked: '138****0001', wechatLinked: false, hasProfile: true }
const staff: MeResponse = { ...admin, id: 'usr_staff', roles: ['member', 'staff'] }

function overview(overrides: Partial<CalendarOverview> = {}): CalendarOverview {
  return {
    years: [2024, 2025, 2026].map((year) => ({ year, holidayCount: 28, workdayCount: 5, updatedAt: '2026-11-29T03:00:00.000Z' })),
    today: '2026-12-18', coveredThrough: '2026-12-31', nextYear: 2027, daysLeft: 14, warning: true, warningDays: 60, ...overrides,
  }
}
const empty2027: CalendarYear = { year: 2027, published: false, holidays: [], workdays: [], updatedAt: null }

const byId = (id: string) => document.getElementById(id)
const text = (id: string) => byId(id)?.textContent ?? null
const type = (id: string, value: string) => fireEvent.change(byId(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(byId(id)!)
const puts = () => requests.filter((r) => r.method === 'PUT')

function office(me: MeResponse, routes: Record<string, RequestResult | ((options: { data?: unknown }) => RequestResult)> = {}) {
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  setRequestHandler(fakeServer({ 'GET /api/v1/me': json(me), 'GET /api/v1/calendar': json(overview()), 'GET /api/v1/calendar/2027': json(empty2027), ...routes }))
}

describe('the admin home', () => {
  test('warns 60 days before the calendar runs out, naming the year to enter, and opens it', async () => {
    office(admin)
    render(<StaffHomePage />)
    await waitFor(() => expect(byId('calendar-warning')).toBeTruthy())
    expect(text('calendar-warning')).toContain('2027 年节假日安排尚未录入：2026-12-31 之后的理赔到期日只按周末计算')
    expect(text('calendar-warning')).toContain('还剩 14 天')
    click('calendar-warning-open')
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/staff/calendar/index?year=2027' }])
    // The admin's own entries.
    expect(text('staff-entry-calendar')).toContain(staffPageTitles.calendar)
    expect(text('staff-entry-users')).toContain(staffPageTitles.users)
    expect(text('staff-entry-audit')).toContain(staffPageTitles.audit)
  })

  test('no warning while more than 60 days are left; once run out it says so', async () => {
    office(admin, { 'GET /api/v1/calendar': json(overview({ today: '2026-10-01', daysLeft: 91, warning: false })) })
    const first = render(<StaffHomePage />)
    await waitFor(() => expect(byId('staff-entry-calendar')).toBeTruthy())
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(byId('calendar-warning')).toBeNull()
    first.unmount()

    office(admin, { 'GET /api/v1/calendar': json(overview({ today: '2027-01-04', coveredThrough: null, daysLeft: 0 })) })
    render(<StaffHomePage />)
    await waitFor(() => expect(byId('calendar-warning')).toBeTruthy())
    expect(text('calendar-warning')).toContain(`2027 年节假日安排尚未录入，理赔到期日目前只按周末计算`)
  })

  test('office staff see neither the warning nor the admin’s entries, and nothing is asked of the calendar', async () => {
    office(staff)
    render(<StaffHomePage />)
    await waitFor(() => expect(byId('staff-entry-check')).toBeTruthy())
    expect(byId('staff-entry-calendar')).toBeNull()
    expect(byId('staff-entry-users')).toBeNull()
    expect(requests.some((r) => r.url === '/api/v1/calendar')).toBe(false)
  })
})

async function openYear(year = '2027') {
  setRouterParams({ year })
  render(<TodayProvider value={() => '2026-12-18'}><CalendarPage /></TodayProvider>)
  await waitFor(() => expect(byId('calendar-editor')).toBeTruthy())
}

describe('the calendar page', () => {
  test('a year not entered: said so; holidays added as a run, make-up days as weekend days only, one removed; saved whole', async () => {
    office(admin, {
      'PUT /api/v1/calendar/2027': ({ data }) => json({ year: 2027, published: true, ...(data as object), updatedAt: '2026-12-18T03:00:00.000Z', claimsMoved: 3 }),
    })
    await openYear()
    expect(text('calendar-not-published')).toBe(calendarUi.notPublished.replace('{year}', '2027'))
    expect(byId('calendar-year-2027')?.getAttribute('aria-checked')).toBe('true')
    expect(text('calendar-year-2027')).toBe('2027（未录入）')
    expect(text('calendar-year-2026')).toBe('2026')

    type('calendar-add-from', '2027-01-01')
    type('calendar-add-to', '2027-01-03')
    click('calendar-add-holiday')
    expect(text('calendar-holiday-2027-01-01')).toContain('2027-01-01 周五')
    expect(byId('calendar-holidays')?.dataset.count).toBe('3')
    expect(text('calendar-unsaved')).toBe(calendarUi.unsaved)

    // A weekday alone is no make-up day; a run gives its Saturday and Sunday.
    type('calendar-add-from', '2027-01-08')
    click('calendar-add-workday')
    expect(text('calendar-add-error')).toContain('2027-01-08 是工作日')
    type('calendar-add-from', '2027-01-04')
    type('calendar-add-to', '2027-01-10')
    click('calendar-add-workday')
    expect(byId('calendar-workdays')?.dataset.count).toBe('2')
    expect(byId('calendar-workday-2027-01-09')).toBeTruthy()
    expect(byId('calendar-workday-2027-01-10')).toBeTruthy()
    click('calendar-workday-2027-01-10-remove')
    // Another year's date is refused here.
    type('calendar-add-from', '2028-01-01')
    type('calendar-add-to', '')
    click('calendar-add-holiday')
    expect(text('calendar-add-error')).toBe('2028-01-01 不在 2027 年内，请切换到对应年份再添加')
    expect(puts()).toEqual([])

    click('calendar-save')
    await waitFor(() => expect(byId('calendar-saved')).toBeTruthy())
    expect(puts().map((r) => [r.url, r.data])).toEqual([['/api/v1/calendar/2027', { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-09'] }]])
    expect(text('calendar-saved')).toBe('已保存 2027 年安排。3 笔未结理赔的到期日已按新安排重新计算。')
    expect(byId('calendar-unsaved')).toBeNull()
    expect(byId('calendar-not-published')).toBeNull()
    // The year list is asked again and now shows 2027 entered.
    await waitFor(() => expect(requests.filter((r) => r.url === '/api/v1/calendar')).toHaveLength(2))
  })

  test('the server’s refusal is shown beside the date it names, and the draft stays', async () => {
    const published: CalendarYear = { year: 2027, published: true, holidays: ['2027-01-01'], workdays: ['2027-01-09'], updatedAt: '2026-12-10T02:00:00.000Z' }
    office(admin, {
      'GET /api/v1/calendar/2027': json(published),
      'PUT /api/v1/calendar/2027': { statusCode: 422, data: { error: { code: 'calendar_year_invalid', message: message('calendar_year_invalid'), details: [
        { path: 'workdays.0', code: 'calendar_workday_not_weekend', date: '2027-01-09', message: message('calendar_workday_not_weekend', { date: '2027-01-09' }) },
      ] } } },
    })
    await openYear()
    expect(text('calendar-updated')).toBe('最后保存：2026-12-10 10:00')
    click('calendar-save')
    await waitFor(() => expect(text('calendar-save-error')).toBe(message('calendar_year_invalid')))
    expect(text('calendar-workday-2027-01-09')).toContain(message('calendar_workday_not_weekend', { date: '2027-01-09' }))
    expect(byId('calendar-workday-2027-01-09')?.className).toContain('calendar-date--error')
    expect(byId('calendar-saved')).toBeNull()
  })

  test('another year is opened by typing it; a year out of range is refused', async () => {
    office(admin, { 'GET /api/v1/calendar/2025': json({ year: 2025, published: true, holidays: ['2025-10-01'], workdays: ['2025-10-11'], updatedAt: '2026-11-29T03:00:00.000Z' }) })
    await openYear()
    type('calendar-other-year', '1999')
    click('calendar-other-year-open')
    expect(text('calendar-other-year-error')).toBe(calendarUi.yearInvalid)
    type('calendar-other-year', '2025')
    click('calendar-other-year-open')
    await waitFor(() => expect(byId('calendar-editor')?.dataset.year).toBe('2025'))
    expect(text('calendar-workday-2025-10-11')).toContain('2025-10-11 周六')
  })

  test('office staff may not open it', async () => {
    office(staff)
    await act(async () => {
      setRouterParams({})
      render(<CalendarPage />)
    })
    await waitFor(() => expect(byId('staff-forbidden')).toBeTruthy())
  })
})

describe('a due date counted past the calendar', () => {
  const noPhotos: PhotoService = { choose: () => Promise.resolve([]), upload: () => Promise.reject(new Error('no upload')) }

  test('the member reads that it may move; not on a claim counted on a published year', async () => {
    const view = render(<ClaimDetailView claim={claimFixture({ status: 'submitted', dueOn: '2027-01-01', dueOnProvisional: true })} photos={noPhotos} onChange={() => undefined} />)
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(text('claim-due-provisional')).toBe(calendarUi.provisional)
    view.unmount()
    render(<ClaimDetailView claim={claimFixture({ status: 'submitted' })} photos={noPhotos} onChange={() => undefined} />)
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(byId('claim-due-provisional')).toBeNull()
  })

  test('the reviewer’s queue row says so too', () => {
    const { id, enrolmentId, catalogueId, personName, kind, eventDate, submittedAt, flags } = claimFixture()
    const row: ClaimSummary = { id, enrolmentId, catalogueId, personName, kind, eventDate, submittedAt, dueOn: '2027-01-01', dueOnProvisional: true, overdue: false, flags, status: 'submitted', estimateFen: 1, approvedFen: null, hasPayeeAccount: true }
    render(<ClaimRow claim={row} />)
    expect(text(`claim-row-${id}-due-provisional`)).toBe(calendarUi.provisional)
  })
})
