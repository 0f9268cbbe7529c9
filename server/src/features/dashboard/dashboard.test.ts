import ExcelJS from 'exceljs'
import { todayInChina } from '../../clock'
import { loginAs, startTestApp, type TestApp, type TestUser } from '../../../test/helpers'
import { seedOffice, type SeedOffice } from '../../../test/helpers/dashboard-data'
import { counted, type Filter } from '../../../test/helpers/dashboard-expected'

/**
 * Every figure of the dashboard against the same figure counted in the test
 * from the rows it wrote (not by the server's queries), to the fen, under
 * several filters; who may see what; the workbook.
 */
let app: TestApp
let office: SeedOffice
let staff: TestUser
let member: TestUser
beforeAll(async () => {
  app = await startTestApp()
  staff = await loginAs(app, { roles: ['staff'] })
  member = await loginAs(app)
  office = await seedOffice(app, member.id, staff.id)
}, 60_000)
afterAll(() => app.close())

type Row = Record<string, unknown>
const today = () => todayInChina(app.clock)
const sortKey = (row: Row) => JSON.stringify(row)
/** The rows of `actual` cut to the fields `expected` has, in a fixed order, beside `expected` in that order. */
function sameRows(actual: Row[], expected: Row[]) {
  const fields = expected.length > 0 ? Object.keys(expected[0]!) : []
  const cut = actual.map((row) => Object.fromEntries(fields.map((f) => [f, row[f]])))
  expect(cut.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([...expected].sort((a, b) => sortKey(a).localeCompare(sortKey(b))))
  expect(actual).toHaveLength(expected.length)
}

function query(f: Filter): string {
  const params = new URLSearchParams()
  if (f.catalogueId) params.set('catalogueId', f.catalogueId)
  if (f.planYear !== undefined) params.set('planYear', String(f.planYear))
  if (f.region) params.set('region', f.region)
  if (f.unitIds?.length === 1) params.set('unitId', f.unitIds[0]!)
  if (f.from) params.set('from', f.from)
  if (f.to) params.set('to', f.to)
  return params.toString()
}

function expectFigures(body: Row, f: Filter) {
  const want = counted(office, f, today())
  const d = body as ReturnType<typeof counted>
  expect(d.coverage.total).toEqual(want.coverage.total)
  sameRows(d.coverage.byRegion, want.coverage.byRegion)
  sameRows(d.coverage.byUnit, want.coverage.byUnit)
  sameRows(d.coverage.byOccupation, want.coverage.byOccupation)
  expect(d.enrolments.total).toEqual(want.enrolments.total)
  sameRows(d.enrolments.byDay, want.enrolments.byDay)
  sameRows(d.enrolments.byEvent, want.enrolments.byEvent)
  sameRows(d.enrolments.byFundingSource, want.enrolments.byFundingSource)
  expect(d.premiums.totalFen).toBe(want.premiums.totalFen)
  sameRows(d.premiums.byFundingSource, want.premiums.byFundingSource)
  expect(d.claims.total).toBe(want.claims.total)
  sameRows(d.claims.byStatus, want.claims.byStatus)
  sameRows(d.claims.byKind, want.claims.byKind)
  expect(d.daysToPay).toEqual(want.daysToPay)
  expect(d.lossRatio.total).toEqual(want.lossRatio.total)
  sameRows(d.lossRatio.byCatalogue, want.lossRatio.byCatalogue)
  sameRows(d.lossRatio.byUnit, want.lossRatio.byUnit)
  expect(d.straightThrough).toEqual(want.straightThrough)
  expect(d.adverseSelection.averageLossRatioBp).toBe(want.adverseSelection.averageLossRatioBp)
  sameRows(d.adverseSelection.units, want.adverseSelection.units)
}

const filters: [string, () => Filter][] = [
  ['everything', () => ({})],
  ['one catalogue and plan year (Shanghai, from 1 April)', () => ({ catalogueId: 'shanghai-2020', planYear: 2020 })],
  ['a plan year over both catalogues', () => ({ planYear: 2023 })],
  ['a city (GB/T 2260 prefix)', () => ({ region: '6101' })],
  ['a province', () => ({ region: '61' })],
  ['a range of days (claims by China date of submission)', () => ({ from: '2023-03-01', to: '2023-12-31' })],
  ['one unit', () => ({ unitIds: [office.units[0]!.id] })],
  ['everything at once', () => ({ catalogueId: 'shaanxi-gig-2023', planYear: 2023, region: '61', from: '2023-01-01', to: '2024-06-30' })],
]

describe('every figure, counted independently', () => {
  test('the seeded office has figures in every table (the comparisons below compare something)', () => {
    const all = counted(office, {}, today())
    expect(all.enrolments.total.enrolments).toBeGreaterThan(40)
    expect(all.daysToPay.paidClaims).toBeGreaterThan(10)
    expect(all.straightThrough.straightThrough).toBeGreaterThan(0)
    expect(all.adverseSelection.units.some((u) => u.flags.length > 0)).toBe(true)
    expect(all.coverage.byUnit.some((u) => u.unitId === null)).toBe(true)
  })

  test.each(filters)('%s', async (_name, filter) => {
    const f = filter()
    const res = await app.api.get(`/api/v1/dashboard?${query(f)}`, { token: staff.token })
    expect(res.status).toBe(200)
    expect(res.body.scope).toBe('office')
    expectFigures(res.body, f)
  })
})

describe('who sees what', () => {
  test('a member is refused', async () => {
    const res = await app.api.get('/api/v1/dashboard', { token: member.token })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
    expect((await app.api.get('/api/v1/dashboard.xlsx', { token: member.token })).status).toBe(403)
  })

  test('a unit admin sees their own unit only, whatever they ask for', async () => {
    const own = office.units[1]!
    const admin = await loginAs(app, { roles: [{ role: 'unit_admin', unitId: own.id }] })
    const res = await app.api.get('/api/v1/dashboard', { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.scope).toBe('unit')
    expect(res.body.filters.unitIds).toEqual([own.id])
    expectFigures(res.body, { unitIds: [own.id] })
    expect(res.body.coverage.byUnit.map((u: Row) => u.unitId)).toEqual([own.id])

    const other = await app.api.get(`/api/v1/dashboard?unitId=${office.units[0]!.id}`, { token: admin.token })
    expect(other.status).toBe(403)
    expect(other.body.error.code).toBe('dashboard_unit_not_yours')
    const book = await app.api.get(`/api/v1/dashboard.xlsx?unitId=${office.units[0]!.id}`, { token: admin.token })
    expect(book.status).toBe(403)
  })
})

describe('bad input', () => {
  test.each([
    ['from after to', 'from=2024-02-01&to=2024-01-01', 400, 'dashboard_range_reversed'],
    ['a range over 731 days', 'from=2020-01-01&to=2023-01-01', 400, 'dashboard_range_too_long'],
    ['a region that is not a GB/T 2260 prefix', 'region=6a', 400, 'validation_failed'],
    ['an unknown catalogue', 'catalogueId=nope', 422, 'unknown_catalogue'],
  ])('%s', async (_name, q, status, code) => {
    const res = await app.api.get(`/api/v1/dashboard?${q}`, { token: staff.token })
    expect(res.status).toBe(status)
    expect(res.body.error.code).toBe(code)
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/)
  })
})

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${staff.token}` } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('spreadsheetml')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
  return book
}

describe('the workbook', () => {
  test('every table is a sheet with the same figures (amounts in yuan)', async () => {
    const f: Filter = { catalogueId: 'shaanxi-gig-2023' }
    const book = await workbook(`/api/v1/dashboard.xlsx?${query(f)}`)
    expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['参保率-按单位', '保费-按出资方', '赔付时效', '逆选择提示', '说明']))
    const want = counted(office, f, today())
    const premiums = book.getWorksheet('保费-按出资方')!
    const total = premiums.getSheetValues().slice(2).reduce((s: number, row) => s + Number((row as unknown[])[3]), 0)
    expect(Math.round(total * 100)).toBe(want.premiums.totalFen)
    const days = book.getWorksheet('赔付时效')!
    expect(days.getSheetValues().slice(2).reduce((s: number, row) => s + Number((row as unknown[])[2]), 0)).toBe(want.daysToPay.paidClaims)
  })

  test('one table alone', async () => {
    const book = await workbook('/api/v1/dashboard.xlsx?table=claimsByKind')
    expect(book.worksheets.map((s) => s.name)).toEqual(['理赔-按类型', '说明'])
    const want = counted(office, {}, today())
    expect(book.getWorksheet('理赔-按类型')!.getSheetValues().slice(2).reduce((s: number, row) => s + Number((row as unknown[])[2]), 0)).toBe(want.claims.total)
  })
})
