import {
  builtInCatalogueData, coverOfQuote, isRenewalOpen, loadCatalogueOrThrow, quote, quoteRenewal, renewalCatalogue, renewalWindow, toSelection,
  type Catalogue, type HeldCover,
} from '..'
import { request, shaanxi, shanghai } from '../../test/helpers'

function ok<T>(result: { ok: true; value: T } | { ok: false; violations: { rule: string }[] }): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.violations)}`)
  return result.value
}
const rulesOf = (result: { ok: boolean; violations?: { rule: string; message: string }[] }) => (result.ok ? [] : result.violations!.map((v) => v.rule))

/** A cover as the engine priced it: instant or collective, accepted on a day. */
function heldCover(catalogue: Catalogue, products: string[], mode: 'instant' | 'collective', acceptedOn: string): HeldCover {
  return coverOfQuote(ok(quote(catalogue, request(products, mode, acceptedOn))))
}

/** Shanghai's plan a year on (2021-04-01 to 2022-03-31), and the 2020 plan naming it as its successor. */
function shanghaiYears(): { y2020: Catalogue; y2021: Catalogue } {
  const data = builtInCatalogueData[0] as Record<string, unknown>
  const y2021 = loadCatalogueOrThrow({
    ...data, id: 'shanghai-2021', term: { kind: 'plan_year', start: '2021-04-01', end: '2022-03-31' },
    proration: [{ startFrom: '2021-10-01', rateBp: 5000, label: '半年' }],
  })
  const y2020 = loadCatalogueOrThrow({ ...data, successor: 'shanghai-2021' })
  return { y2020, y2021 }
}

describe('renewal window (DOMAIN.md: from 30 days before cover ends, unless the catalogue says otherwise)', () => {
  const held = heldCover(shaanxi(), ['ZY'], 'instant', '2023-11-20') // 2023-11-21 .. 2024-11-20

  test('opens 30 days before the last day of cover and closes with it', () => {
    expect(renewalWindow(shaanxi(), held.end)).toEqual({ start: '2024-10-21', end: '2024-11-20' })
    expect(isRenewalOpen(shaanxi(), held.end, '2024-10-20')).toBe(false)
    expect(isRenewalOpen(shaanxi(), held.end, '2024-10-21')).toBe(true)
    expect(isRenewalOpen(shaanxi(), held.end, '2024-11-20')).toBe(true)
    expect(isRenewalOpen(shaanxi(), held.end, '2024-11-21')).toBe(false)
  })

  test('the day before the window opens is refused, naming the day it opens', () => {
    const result = quoteRenewal(shaanxi(), shaanxi(), { held, mode: 'instant', acceptedOn: '2024-10-20' })
    expect(result).toEqual({ ok: false, violations: [{ rule: 'renewal_not_open', product: null, message: '保障到期前 30 天起可以续保，2024-10-21 起办理' }] })
  })

  test('a catalogue sets its own window', () => {
    const wide = loadCatalogueOrThrow({ ...(builtInCatalogueData[1] as object), renewalWindowDays: 60 })
    expect(renewalWindow(wide, held.end).start).toBe('2024-09-21')
    expect(ok(quoteRenewal(wide, wide, { held, mode: 'instant', acceptedOn: '2024-09-21' })).start).toBe('2024-11-21')
  })
})

describe('renewal dates and waiting periods (DOMAIN.md, "Renewal")', () => {
  test('continuous: starts the day after the old cover ends; a category held without a gap waits no more', () => {
    // Instant, so hospital cover waited 30 days the first year (from 2023-12-21).
    const held = heldCover(shaanxi(), ['ZY'], 'instant', '2023-11-20')
    expect(held.coverFrom).toEqual({ hospital: '2023-12-21', accident: '2023-11-21' })
    for (const acceptedOn of ['2024-10-21', '2024-11-20']) {
      const renewal = ok(quoteRenewal(shaanxi(), shaanxi(), { held, mode: 'instant', acceptedOn }))
      expect(renewal).toMatchObject({ catalogueId: 'shaanxi-gig-2023', start: '2024-11-21', end: '2025-11-20', premiumFen: 10000, continuous: true, acceptedOn })
      expect(renewal.coverFrom).toEqual({ hospital: '2024-11-21', accident: '2024-11-21' })
    }
  })

  test('with a gap: a new enrolment from the day after acceptance, with new waiting periods', () => {
    const held = heldCover(shaanxi(), ['ZY'], 'instant', '2023-11-20') // ends 2024-11-20
    const renewal = ok(quoteRenewal(shaanxi(), shaanxi(), { held, mode: 'instant', acceptedOn: '2024-11-25' }))
    expect(renewal).toMatchObject({ start: '2024-11-26', end: '2025-11-25', continuous: false })
    expect(renewal.coverFrom).toEqual({ hospital: '2024-12-26', accident: '2024-11-26' })
  })

  test('a category added at renewal waits as a new one does; the held ones do not', () => {
    const { y2020, y2021 } = shanghaiYears()
    const held = heldCover(y2020, ['A0', 'C0'], 'collective', '2020-03-20') // 2020-04-01 .. 2021-03-31
    const into = ok(renewalCatalogue(y2020, (id) => (id === 'shanghai-2021' ? y2021 : undefined)))
    expect(into.id).toBe('shanghai-2021')
    const renewal = ok(quoteRenewal(y2020, into, { held, selection: toSelection(['A0', 'B0', 'C0']), mode: 'instant', acceptedOn: '2021-03-20' }))
    expect(renewal).toMatchObject({
      catalogueId: 'shanghai-2021', start: '2021-04-01', end: '2022-03-31', planYear: { start: '2021-04-01', end: '2022-03-31' }, premiumFen: 18000, proration: null, continuous: true,
    })
    // Critical illness (B0) is new: its 60 days; hospital and accident were held: from the first day.
    expect(renewal.coverFrom).toEqual({ hospital: '2021-04-01', critical: '2021-05-31', accident: '2021-04-01' })
  })

  test('a category still waiting when the old cover ends keeps its own first day, not a new wait', () => {
    const held: HeldCover = { catalogueId: 'shaanxi-gig-2023', selection: toSelection(['ZY']), start: '2024-01-01', end: '2024-01-10', coverFrom: { hospital: '2024-01-31', accident: '2024-01-01' } }
    const renewal = ok(quoteRenewal(shaanxi(), shaanxi(), { held, mode: 'instant', acceptedOn: '2024-01-05' }))
    expect(renewal.coverFrom).toEqual({ hospital: '2024-01-31', accident: '2024-01-11' })
  })

  test('a plan year without a successor has no next period: refused with the date', () => {
    const held = heldCover(shanghai(), ['A0'], 'collective', '2020-03-20')
    expect(ok(renewalCatalogue(shanghai(), () => undefined)).id).toBe('shanghai-2020')
    const result = quoteRenewal(shanghai(), shanghai(), { held, mode: 'instant', acceptedOn: '2021-03-15' })
    expect(result.ok ? [] : result.violations.map((v) => v.message)).toEqual(['还没有 2021-04-01 起的保障计划，暂不能续保，请联系工会办事处'])
  })

  test('a successor that is not loaded is named', () => {
    const { y2020 } = shanghaiYears()
    expect(rulesOf(renewalCatalogue(y2020, () => undefined))).toEqual(['renewal_successor_missing'])
  })

  test('the renewal follows the selection rules of the catalogue it renews into', () => {
    const { y2020, y2021 } = shanghaiYears()
    const held = heldCover(y2020, ['A0', 'A1'], 'collective', '2020-03-20')
    expect(rulesOf(quoteRenewal(y2020, y2021, { held, selection: toSelection(['A1']), mode: 'instant', acceptedOn: '2021-03-20' }))).toEqual(['basic_required'])
  })

  test('a catalogue closed to enrolment takes no renewal', () => {
    const closed = loadCatalogueOrThrow({ ...(builtInCatalogueData[1] as object), enrolment: { opensOn: '2023-03-06', closesOn: '2024-10-31' } })
    const held = heldCover(closed, ['ZY'], 'instant', '2023-11-20')
    expect(rulesOf(quoteRenewal(closed, closed, { held, mode: 'instant', acceptedOn: '2024-11-01' }))).toEqual(['enrolment_closed'])
  })
})
