import { decodeTime } from 'ulid'
import { idPattern, newId } from './ids'

describe('newId', () => {
  test('`<prefix>_` and a 26-character ULID carrying the time it was made', () => {
    const now = new Date('2026-11-25T03:04:05.678Z')
    const id = newId('clm', now)
    expect(id).toMatch(idPattern('clm'))
    expect(idPattern('usr').test(id)).toBe(false)
    expect(decodeTime(id.slice(4))).toBe(now.getTime())
  })

  test('ids made in the same millisecond sort in the order they were made (keyset paging by id relies on it)', () => {
    const now = new Date('2026-11-25T03:04:05.678Z')
    const ids = Array.from({ length: 2_000 }, () => newId('ntf', now))
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
  })

  test('a later instant sorts after; a clock that goes back does not reorder what is made next', () => {
    const first = newId('aud', new Date('2026-11-25T03:04:05.678Z'))
    const later = newId('aud', new Date('2026-11-25T03:04:05.679Z'))
    const afterClockWentBack = newId('aud', new Date('2026-11-24T00:00:00.000Z'))
    expect([first, later, afterClockWentBack].sort()).toEqual([first, later, afterClockWentBack])
  })

  test('the random part differs between milliseconds (not a counter anyone could walk)', () => {
    const tails = Array.from({ length: 50 }, (_, i) => newId('upl', new Date(Date.UTC(2027, 0, 1) + i)).slice(-16))
    expect(new Set(tails).size).toBe(tails.length)
    expect(new Set(tails.map((t) => t.slice(0, 8))).size).toBeGreaterThan(45)
  })
})
