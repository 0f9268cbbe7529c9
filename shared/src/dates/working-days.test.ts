import { addDays, addMonths, addWorkingDays, ageOn, builtInCalendar, chinaDateOf, compileCalendar, fromDayNumber, isCivilDate, isWorkingDay, toDayNumber, workingDaysBetween } from '..'

describe('civil dates', () => {
  test('day numbers round-trip across leap years and centuries', () => {
    for (const d of ['1970-01-01', '2000-02-29', '1900-03-01', '2020-12-31', '2100-02-28', '1949-10-01']) {
      expect(fromDayNumber(toDayNumber(d))).toBe(d)
    }
    expect(toDayNumber('1970-01-02')).toBe(1)
  })

  test('real dates only', () => {
    expect(isCivilDate('2020-02-29')).toBe(true)
    expect(isCivilDate('2021-02-29')).toBe(false)
    expect(isCivilDate('2020-13-01')).toBe(false)
    expect(isCivilDate('2020-1-01')).toBe(false)
  })

  test('adding days and months', () => {
    expect(addDays('2020-10-15', 30)).toBe('2020-11-14')
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29')
    expect(addMonths('2020-11-30', 3)).toBe('2021-02-28')
  })

  test('the China date of an instant is UTC+8', () => {
    expect(chinaDateOf(new Date('2020-03-31T15:59:59Z'))).toBe('2020-03-31')
    expect(chinaDateOf(new Date('2020-03-31T16:00:00Z'))).toBe('2020-04-01')
  })

  test('age on a date', () => {
    expect(ageOn('1990-06-15', '2020-06-14')).toBe(29)
    expect(ageOn('1990-06-15', '2020-06-15')).toBe(30)
  })
})

describe('working days on a holiday calendar', () => {
  const calendar = builtInCalendar()

  test('weekends and public holidays are not working days; make-up Saturdays and Sundays are', () => {
    expect(isWorkingDay(calendar, '2025-09-30')).toBe(true) // Tuesday
    expect(isWorkingDay(calendar, '2025-10-01')).toBe(false) // National Day
    expect(isWorkingDay(calendar, '2025-10-11')).toBe(true) // Saturday worked in exchange (调休)
    expect(isWorkingDay(calendar, '2025-10-12')).toBe(false) // Sunday
  })

  test('10 working days from the last material, across the 2025 National Day week', () => {
    // Tue 30 Sep → 9 (Thu), 10 (Fri), 11 (Sat, worked), 13, 14, 15, 16, 17, 20, 21 Oct.
    expect(addWorkingDays(calendar, '2025-09-30', 10)).toBe('2025-10-21')
    expect(workingDaysBetween(calendar, '2025-09-30', '2025-10-21')).toBe(10)
  })

  test('10 working days over an ordinary fortnight', () => {
    expect(addWorkingDays(calendar, '2026-11-23', 10)).toBe('2026-12-07')
  })

  test('a calendar is data: a made-up holiday and make-up day', () => {
    const made = compileCalendar({ id: 'test', years: [2030], holidays: ['2030-01-02'], workdays: ['2030-01-05'] })
    expect(addWorkingDays(made, '2030-01-01', 3)).toBe('2030-01-05')
  })
})
