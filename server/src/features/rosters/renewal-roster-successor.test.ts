import ExcelJS from 'exceljs'
import { builtInCatalogueData, type RosterCell } from '@huzhu/shared'
import {
  createUnit, freshIdNumber, grantRoles, loginAs, rosterRow, rosterXlsx, setChinaDate, setUnitSelection, startTestApp, XLSX, type TestApp, type TestUser,
} from '../../../test/helpers'

/** A unit on a plan year whose office names next year's plan as its successor renews its roster into that plan. */
const shanghaiData = builtInCatalogueData[0] as Record<string, unknown>
const year2026 = { ...shanghaiData, id: 'sh-2026', term: { kind: 'plan_year', start: '2026-04-01', end: '2027-03-31' }, proration: [{ startFrom: '2026-10-01', rateBp: 5000, label: '半年' }], successor: 'sh-2027' }
const year2027 = { ...shanghaiData, id: 'sh-2027', term: { kind: 'plan_year', start: '2027-04-01', end: '2028-03-31' }, proration: [{ startFrom: '2027-10-01', rateBp: 5000, label: '半年' }] }

let app: TestApp
let unitId: string
beforeAll(async () => {
  app = await startTestApp({ catalogueFiles: { 'sh-2026.json': year2026, 'sh-2027.json': year2027 } })
  unitId = await createUnit(app, '徐汇区快递网点')
  await setUnitSelection(app, unitId, 'sh-2026', ['A0', 'C0'])
})
afterAll(() => app.close())

async function unitAdmin(): Promise<TestUser> {
  const admin = await loginAs(app)
  await grantRoles(app, admin.id, [{ role: 'unit_admin', unitId }])
  return admin
}
async function uploadAndImport(admin: TestUser, catalogueId: string, bytes: Buffer) {
  const res = await app.api.request('POST', `/api/v1/units/${unitId}/rosters?catalogueId=${catalogueId}`, undefined, { token: admin.token, rawBody: new Uint8Array(bytes), headers: { 'content-type': XLSX } })
  expect([res.status, res.body.errors]).toEqual([201, []])
  const imported = await app.api.post(`/api/v1/units/${unitId}/rosters/${res.body.id}/import`, {}, { token: admin.token })
  expect(imported.status).toBe(200)
  return res.body.id as string
}

test('next year’s roster is uploaded for the successor and continues each cover from the new plan year’s first day', async () => {
  setChinaDate(app, '2026-03-15')
  let admin = await unitAdmin()
  const rows = [rosterRow(1, { 1: '周一', 3: freshIdNumber(), 8: 'A0,C0' }), rosterRow(2, { 1: '吴二', 3: freshIdNumber(), 8: 'A0,C0' })]
  const thisYear = await uploadAndImport(admin, 'sh-2026', await rosterXlsx(rows))
  const staff = await loginAs(app, { roles: ['staff'] })
  expect((await app.api.post('/api/v1/payments', { catalogueId: 'sh-2026', reference: 'SH-UNIT-2026', amountFen: 27000, unitId }, { token: staff.token })).status).toBe(201)
  const held = await app.db.selectFrom('enrolments').select(['id', 'start_on', 'end_on']).where('roster_id', '=', thisYear).orderBy('id').execute()
  expect(held.map((e) => [e.start_on, e.end_on])).toEqual([['2026-04-01', '2027-03-31'], ['2026-04-01', '2027-03-31']])

  setChinaDate(app, '2027-03-15')
  admin = await unitAdmin()
  const offered = await app.api.get(`/api/v1/units/${unitId}/catalogues`, { token: admin.token })
  expect(offered.body.catalogues.map((c: { id: string }) => c.id)).toEqual(['sh-2026', 'sh-2027'])
  const renewals = await app.api.get(`/api/v1/units/${unitId}/renewals`, { token: admin.token })
  expect(renewals.body.renewals).toEqual([expect.objectContaining({ catalogueId: 'sh-2026', intoCatalogueId: 'sh-2027', endingCount: 2, lastEnd: '2027-03-31' })])

  const file = await fetch(`${app.baseUrl}/api/v1/units/${unitId}/renewal-roster.xlsx?catalogueId=sh-2026`, { headers: { authorization: `Bearer ${admin.token}` } })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer)
  const prefilled: RosterCell[][] = []
  workbook.worksheets[0]!.eachRow((row, n) => void (n > 1 && prefilled.push((row.values as RosterCell[]).slice(1))))
  const nextYear = await uploadAndImport(admin, 'sh-2027', await rosterXlsx(prefilled))
  const written = await app.db.selectFrom('enrolments').select(['renews_enrolment_id', 'catalogue_id', 'mode', 'start_on', 'end_on']).where('roster_id', '=', nextYear).orderBy('renews_enrolment_id').execute()
  expect(written).toEqual(held.map((e) => ({ renews_enrolment_id: e.id, catalogue_id: 'sh-2027', mode: 'collective', start_on: '2027-04-01', end_on: '2028-03-31' })))
})
