import { coverStateOf } from './cover-state'

const active = { status: 'active', start: '2020-10-15', end: '2021-03-31', coverFrom: { hospital: '2020-11-14', accident: '2020-10-15' } }

describe('coverStateOf', () => {
  test('status wins for pending and cancelled', () => {
    expect(coverStateOf({ ...active, status: 'pending_payment' }, '2020-12-01')).toBe('pending_payment')
    expect(coverStateOf({ ...active, status: 'cancelled' }, '2020-12-01')).toBe('cancelled')
  })
  test('active: not started, covered, ended by the dates (inclusive ends)', () => {
    expect(coverStateOf(active, '2020-10-14')).toBe('not_started')
    expect(coverStateOf(active, '2020-10-15')).toBe('covered')
    expect(coverStateOf(active, '2021-03-31')).toBe('covered')
    expect(coverStateOf(active, '2021-04-01')).toBe('ended')
  })
  test('waiting while every category is still before its first day', () => {
    const hospitalOnly = { ...active, coverFrom: { hospital: '2020-11-14' } }
    expect(coverStateOf(hospitalOnly, '2020-11-13')).toBe('waiting')
    expect(coverStateOf(hospitalOnly, '2020-11-14')).toBe('covered')
  })
})
