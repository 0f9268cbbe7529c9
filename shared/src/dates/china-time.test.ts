import { chinaDateOf } from './civil-date'
import { chinaTime } from './china-time'

describe('chinaTime', () => {
  test('to the minute for people, UTC+8 all year', () => {
    expect(chinaTime('2026-11-25T07:17:00.000Z')).toBe('2026-11-25 15:17')
    expect(chinaTime('2026-07-01T00:00:59Z')).toBe('2026-07-01 08:00')
  })

  test('after 16:00 UTC it is already the next day in China, as chinaDateOf says', () => {
    const iso = '2026-12-31T16:05:00.000Z'
    expect(chinaTime(iso)).toBe('2027-01-01 00:05')
    expect(chinaTime(iso).slice(0, 10)).toBe(chinaDateOf(new Date(iso)))
  })

  test('RFC 3339 with +08:00, as WeChat Pay writes times', () => {
    expect(chinaTime('2026-11-25T16:30:05.123Z', 'rfc3339')).toBe('2026-11-26T00:30:05+08:00')
    expect(Date.parse(chinaTime('2026-11-25T16:30:05Z', 'rfc3339'))).toBe(Date.parse('2026-11-25T16:30:05Z'))
  })

  test('text that is not an instant comes back unchanged', () => {
    expect(chinaTime('not a time')).toBe('not a time')
    expect(chinaTime('')).toBe('')
  })
})
