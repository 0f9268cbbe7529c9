import {
  addWorkingDays, builtInCalendar, builtInCalendarData, calendarCoverage, calendarFromYears, calendarYearsOf, checkCalendarYear,
  dueDateAfter, holidayCalendarSchema, isWorkingDay, message,
} from '..'

/** The shipped years, and a made-up 2027 (the State Council publishes the real one each December). */
const shipped = calendarYearsOf(builtInCalendarData)
const made2027 = { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-09'] }

describe('a calendar as data, year by year', () => {
  test('the shipped file splits into its published years and computes as before', () => {
    expect(shipped.map((y) => y.year)).toEqual([2024, 2025, 2026])
    expect(shipped.reduce((n, y) => n + y.holidays.length, 0)).toBe(builtInCalendarData.holidays.length)
    const calendar = calendarFromYears('db', shipped)
    expect(addWorkingDays(calendar, '2025-09-30', 10)).toBe(addWorkingDays(builtInCalendar(), '2025-09-30', 10))
    expect(isWorkingDay(calendar, '2025-10-11')).toBe(true)
  })

  test('a calendar file may only list dates in the years it says it holds', () => {
    const bad = holidayCalendarSchema.safeParse({ ...builtInCalendarData, holidays: [...builtInCalendarData.holidays, '2027-01-01'] })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]).toMatchObject({ message: 'calendar_date_outside_year', path: ['holidays', builtInCalendarData.holidays.length] })
  })
})

describe('a due date beyond the calendar', () => {
  test('material on Fri 2026-12-18, no 2027 calendar: counted on weekends alone (due New Year’s Day) and marked provisional', () => {
    const calendar = calendarFromYears('db', shipped)
    // 21–25 Dec (5), 28–31 Dec (4), then Fri 1 Jan 2027 is the 10th working day on weekends alone.
    expect(dueDateAfter(calendar, '2026-12-18', 10)).toEqual({ date: '2027-01-01', calendarPublished: false })
  })

  test('once 2027 is entered the same count skips its holidays and is no longer provisional', () => {
    const calendar = calendarFromYears('db', [...shipped, made2027])
    expect(dueDateAfter(calendar, '2026-12-18', 10)).toEqual({ date: '2027-01-04', calendarPublished: true })
    // The make-up Saturday counts as a working day.
    expect(dueDateAfter(calendar, '2027-01-04', 4)).toEqual({ date: '2027-01-08', calendarPublished: true })
    expect(dueDateAfter(calendar, '2027-01-04', 5)).toEqual({ date: '2027-01-09', calendarPublished: true })
  })

  test('a count wholly inside a published year is published; one that starts in an unpublished year is not', () => {
    const calendar = calendarFromYears('db', shipped)
    expect(dueDateAfter(calendar, '2026-11-23', 10)).toEqual({ date: '2026-12-07', calendarPublished: true })
    expect(dueDateAfter(calendar, '2023-12-01', 10).calendarPublished).toBe(false)
    // Material on the last day of a published year: every counted day is in the next one.
    expect(dueDateAfter(calendar, '2026-12-31', 1)).toEqual({ date: '2027-01-01', calendarPublished: false })
  })
})

describe('checking a year as an admin enters it', () => {
  test('a good year comes back sorted, each date once', () => {
    expect(checkCalendarYear(2027, { holidays: ['2027-01-03', '2027-01-01', '2027-01-02', '2027-01-01'], workdays: ['2027-01-09'] }))
      .toEqual({ ok: true, value: made2027 })
  })

  test('every problem with its path and date: outside the year, both kinds, a weekday as a make-up day', () => {
    const result = checkCalendarYear(2027, { holidays: ['2027-01-01', '2026-12-31', '2027-02-06'], workdays: ['2028-01-08', '2027-02-06', '2027-02-08'] })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toEqual([
      { path: 'holidays.1', code: 'calendar_date_outside_year', date: '2026-12-31', message: message('calendar_date_outside_year', { date: '2026-12-31', year: 2027 }) },
      { path: 'workdays.0', code: 'calendar_date_outside_year', date: '2028-01-08', message: '2028-01-08 不在 2027 年内' },
      { path: 'workdays.1', code: 'calendar_date_both_kinds', date: '2027-02-06', message: message('calendar_date_both_kinds', { date: '2027-02-06' }) },
      { path: 'workdays.2', code: 'calendar_workday_not_weekend', date: '2027-02-08', message: message('calendar_workday_not_weekend', { date: '2027-02-08' }) },
    ])
  })

  test('a year without a single holiday is refused; a holiday on a weekend is fine', () => {
    const empty = checkCalendarYear(2027, { holidays: [], workdays: [] })
    expect(empty.ok ? [] : empty.problems.map((p) => [p.path, p.code])).toEqual([['holidays', 'calendar_no_holidays']])
    expect(checkCalendarYear(2027, { holidays: ['2027-01-02'], workdays: [] }).ok).toBe(true)
  })
})

describe('how far the calendar reaches', () => {
  const years = [2024, 2025, 2026]
  test('61 days before it runs out: no warning yet; 60 days before: a warning naming the year to enter', () => {
    expect(calendarCoverage(years, '2026-11-01')).toEqual({ coveredThrough: '2026-12-31', nextYear: 2027, daysLeft: 61, warning: false })
    expect(calendarCoverage(years, '2026-11-02')).toEqual({ coveredThrough: '2026-12-31', nextYear: 2027, daysLeft: 60, warning: true })
  })

  test('once run out: nothing covered from today, a warning', () => {
    expect(calendarCoverage(years, '2027-01-05')).toEqual({ coveredThrough: null, nextYear: 2027, daysLeft: 0, warning: true })
  })

  test('the run from today’s year counts, not a later year alone', () => {
    expect(calendarCoverage([2026, 2027], '2026-11-02')).toEqual({ coveredThrough: '2027-12-31', nextYear: 2028, daysLeft: 425, warning: false })
    expect(calendarCoverage([2026, 2028], '2026-12-01').coveredThrough).toBe('2026-12-31')
  })
})
