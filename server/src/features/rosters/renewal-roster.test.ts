import ExcelJS from 'exceljs'
import { rosterHeaders, type RosterCell } from '@huzhu/shared'
import {
  createUnit, freshIdNumber, grantRoles, loginAs, rosterRow, rosterXlsx, setChinaDate, setUnitSelection, startTestApp, XLSX, type TestApp, type TestUser,
} from '../../../test/helpers'

/**
 * Units renew by roster (DOMAIN.md "Renewal"): next year's roster is this
 * year's, prefilled; the unit admin deletes the leavers, adds the new hires and
 * uploads it; its rows of this year's riders continue their cover from the day
 * after it ends and are no overlap of it.
 */
let app: TestApp
let unitId: string
let admin: TestUser
beforeAll(async () => {
  app = await startTestApp()
  setChinaDate(app, '2026-01-05')
  unitId = await createUnit(app, '碑林区外卖骑手站')
  await setUnitSelection(app, unitId, 'shaanxi-gig-2023', ['ZY'])
  admin = await loginAs(app)
  await grantRoles(app, admin.id, [{ role: 'unit_admin', unitId }])
})
afterAll(() => app.close())

const riders = [
  { name: '王一', id: freshIdNumber() },
  { name: '李二', id: freshIdNumber({ sex: 'F' }) },
  { name: '赵三', id: freshIdNumber() },
]

async function upload(token: string, bytes: Buffer) {
  const res = await app.api.request('POST', `/api/v1/units/${unitId}/rosters?catalogueId=shaanxi-gig-2023&fileName=roster.xlsx`, undefined, {
    token, rawBody: new Uint8Array(bytes), headers: { 'content-type': XLSX },
  })
  expect(res.status).toBe(201)
  return res.body
}
const importIt = (rosterId: string, body: unknown = {}) => app.api.post(`/api/v1/units/${unitId}/rosters/${rosterId}/import`, body, { token: admin.token })
async function download(path: string, token: string) {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) }
}
async function rowsOf(bytes: Buffer): Promise<RosterCell[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const rows: RosterCell[][] = []
  workbook.worksheets[0]!.eachRow((row) => void rows.push((row.values as RosterCell[]).slice(1)))
  return rows
}
/** The unit admin signs in again after the clock moves (sessions last 30 days). */
async function signInAgain() {
  admin = await loginAs(app)
  await grantRoles(app, admin.id, [{ role: 'unit_admin', unitId }])
}

test('this year’s roster, imported and paid, comes back prefilled in the window and renews without overlaps', async () => {
  // This year: three riders, accepted 2026-01-05, paid 2026-01-06: cover 2026-01-07 to 2027-01-06.
  const first = await upload(admin.token, await rosterXlsx(riders.map((r, i) => rosterRow(i + 1, { 1: r.name, 2: i === 1 ? '女' : '男', 3: r.id }))))
  expect((await importIt(first.id)).status).toBe(200)
  setChinaDate(app, '2026-01-06')
  const staff = await loginAs(app, { roles: ['staff'] })
  expect((await app.api.post('/api/v1/payments', { catalogueId: 'shaanxi-gig-2023', reference: 'UNIT-2026', amountFen: 30000, unitId }, { token: staff.token })).status).toBe(201)
  const held = await app.db.selectFrom('enrolments').select(['id', 'insured_person_id', 'start_on', 'end_on']).where('roster_id', '=', first.id).orderBy('id').execute()
  expect(held.map((e) => [e.start_on, e.end_on])).toEqual(Array(3).fill(['2026-01-07', '2027-01-06']))

  // Before the window (opens 2026-12-07) there is nothing to renew, and a roster of the same riders is an overlap, as before.
  setChinaDate(app, '2026-12-06')
  await signInAgain()
  expect((await app.api.get(`/api/v1/units/${unitId}/renewals`, { token: admin.token })).body).toEqual({ renewals: [] })
  const early = await upload(admin.token, await rosterXlsx([rosterRow(1, { 1: '王一', 3: riders[0]!.id })]))
  expect(early.errors).toEqual([expect.objectContaining({ row: 2, code: 'enrolment_overlap' })])

  // In the window: the unit page learns what to renew; the roster comes prefilled, ID numbers and mobiles in full, and the reading is audited.
  setChinaDate(app, '2026-12-20')
  await signInAgain()
  expect((await app.api.get(`/api/v1/units/${unitId}/renewals`, { token: admin.token })).body).toEqual({
    renewals: [{
      catalogueId: 'shaanxi-gig-2023', catalogueName: expect.any(String), intoCatalogueId: 'shaanxi-gig-2023', intoCatalogueName: expect.any(String),
      endingCount: 3, firstEnd: '2027-01-06', lastEnd: '2027-01-06',
    }],
  })
  const file = await download(`/api/v1/units/${unitId}/renewal-roster.xlsx?catalogueId=shaanxi-gig-2023`, admin.token)
  expect([file.status, file.type]).toEqual([200, XLSX])
  const rows = await rowsOf(file.bytes)
  expect(rows[0]).toEqual([...rosterHeaders])
  expect(rows.slice(1).map((r) => [r[1], r[3], r[4], r[8]])).toEqual(riders.map((r) => [r.name, r.id, '13812345678', 'ZY']))
  const audits = await app.db.selectFrom('audit_log').select(['actor_user_id', 'action', 'resource']).where('resource', '=', `unit_renewal_roster:${unitId}`).execute()
  expect(audits).toEqual([{ actor_user_id: admin.id, action: 'read', resource: `unit_renewal_roster:${unitId}` }])

  // The admin deletes the leaver (赵三), adds a new hire, and uploads the same file: no overlaps, every row good.
  const newHire = freshIdNumber()
  const next = [...rows.slice(1, 3).map((r, i) => [i + 1, ...r.slice(1)]), rosterRow(3, { 1: '钱四', 3: newHire })]
  const renewed = await upload(admin.token, await rosterXlsx(next))
  expect(renewed).toMatchObject({ rowCount: 3, validCount: 3, errors: [] })
  expect((await importIt(renewed.id)).body).toMatchObject({ status: 'imported', importedCount: 3, premiumFen: 30000 })
  const written = await app.db.selectFrom('enrolments').select(['insured_person_id', 'renews_enrolment_id', 'start_on', 'end_on', 'status']).where('roster_id', '=', renewed.id).execute()
  const byPerson = new Map(held.map((e) => [e.insured_person_id, e.id]))
  const renewals = written.filter((e) => e.renews_enrolment_id !== null)
  expect(renewals.map((e) => [e.renews_enrolment_id, e.start_on, e.end_on, e.status]).sort()).toEqual(
    held.slice(0, 2).map((e) => [e.id, '2027-01-07', '2028-01-06', 'pending_payment']).sort(),
  )
  for (const r of renewals) expect(byPerson.get(r.insured_person_id)).toBe(r.renews_enrolment_id)
  // The new hire is a new enrolment from the day after acceptance.
  expect(written.filter((e) => e.renews_enrolment_id === null).map((e) => [e.start_on, e.end_on])).toEqual([['2026-12-21', '2027-12-20']])

  // The leaver is still to renew; the two renewed ones are not, and a second upload of them is an overlap of their renewal.
  expect((await app.api.get(`/api/v1/units/${unitId}/renewals`, { token: admin.token })).body.renewals[0].endingCount).toBe(1)
  const twice = await upload(admin.token, await rosterXlsx(next.slice(0, 1)))
  expect(twice.errors).toEqual([expect.objectContaining({ row: 2, code: 'enrolment_overlap' })])

  // Paid before the old cover ends, the renewals keep their start: the day after it.
  setChinaDate(app, '2026-12-28')
  await signInAgain()
  const staffNow = await loginAs(app, { roles: ['staff'] })
  expect((await app.api.post('/api/v1/payments', { catalogueId: 'shaanxi-gig-2023', reference: 'UNIT-2027', amountFen: 30000, unitId }, { token: staffNow.token })).status).toBe(201)
  const paid = await app.db.selectFrom('enrolments').select(['renews_enrolment_id', 'start_on', 'status']).where('roster_id', '=', renewed.id).execute()
  expect(paid.filter((e) => e.renews_enrolment_id !== null).map((e) => [e.start_on, e.status])).toEqual([['2027-01-07', 'active'], ['2027-01-07', 'active']])
})

test('only the unit’s own admins, staff and admins read the renewal roster', async () => {
  const otherUnit = await createUnit(app, '另一个站点')
  const stranger = await loginAs(app)
  await grantRoles(app, stranger.id, [{ role: 'unit_admin', unitId: otherUnit }])
  const member = await loginAs(app)
  for (const user of [stranger, member]) {
    expect((await download(`/api/v1/units/${unitId}/renewal-roster.xlsx?catalogueId=shaanxi-gig-2023`, user.token)).status).toBe(403)
    expect((await app.api.get(`/api/v1/units/${unitId}/renewals`, { token: user.token })).status).toBe(403)
  }
  expect((await download(`/api/v1/units/${unitId}/renewal-roster.xlsx?catalogueId=nope`, admin.token)).status).toBe(422)
})
