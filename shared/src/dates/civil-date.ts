/**
 * Calendar dates as `YYYY-MM-DD` strings (business dates in China time) and
 * whole-day arithmetic on them. Internally a date is a day number counted from
 * 1970-01-01 (Howard Hinnant's civil-from-days algorithms): no Date objects,
 * no time zones, fast enough for the engine's hot paths.
 */

import { CHINA_OFFSET_MS } from './china-time'

export type CivilDate = string

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** True when the year, month and day name a real calendar date (1000–9999). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && year >= 1000 && year <= 9999 &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  )
}

export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== 'string') return false
  const m = DATE_RE.exec(value)
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** Day number of a civil date (days since 1970-01-01). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Day number of a `YYYY-MM-DD` string; the string is trusted to be well formed. */
export function toDayNumber(date: CivilDate): number {
  const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48)
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48)
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48)
  return dayNumberOf(year, month, day)
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

export function fromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return `${year}-${pad2(month)}-${pad2(day)}`
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from)
}

/**
 * The same day `months` later; a day that does not exist in the target month
 * becomes that month's last day (2020-01-31 + 1 month = 2020-02-29).
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return `${y}-${pad2(m)}-${pad2(Math.min(day, daysInMonth(y, m)))}`
}

/** Date strings compare correctly as strings; this says so in one place. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function isWithin(date: CivilDate, start: CivilDate, end: CivilDate): boolean {
  return date >= start && date <= end
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CivilDate): number {
  const n = toDayNumber(date)
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1
}

/** Today's date in China (Asia/Shanghai, UTC+8, no daylight saving) at the given instant. */
export function chinaDateOf(instant: Date): CivilDate {
  const shifted = Math.floor((instant.getTime() + CHINA_OFFSET_MS) / 86_400_000)
  return fromDayNumber(shifted)
}

/** Whole years between a birth date and a date (age on that date). */
export function ageOn(birthDate: CivilDate, on: CivilDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years
}
