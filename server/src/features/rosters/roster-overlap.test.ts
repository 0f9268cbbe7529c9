import {
  createUnit, freshIdNumber, grantRoles, loginAs, rosterRow, rosterXlsx, setUnitSelection, startAppWithEveryRole, XLSX, type EveryRole, type TestApp, type TestUser,
} from '../../../test/helpers'

/** Unit B's roster holds unit A's rider: the row is flagged and, imported "only valid rows", changes nothing anywhere. */
let app: TestApp
let users: EveryRole
let unitB: string
let adminB: TestUser
beforeAll(async () => {
  ({ app, users } = await startAppWithEveryRole())
  await setUnitSelection(app, users.unitId, 'shaanxi-gig-2023', ['ZY'])
  unitB = await createUnit(app, '另一个站点')
  await setUnitSelection(app, unitB, 'shaanxi-gig-2023', ['ZY'])
  adminB = await loginAs(app)
  await grantRoles(app, adminB.id, [{ role: 'unit_admin', unitId: unitB }])
})
afterAll(() => app.close())

const upload = async (unitId: string, token: string, rows: Parameters<typeof rosterXlsx>[0]) => {
  const res = await app.api.request('POST', `/api/v1/units/${unitId}/rosters?catalogueId=shaanxi-gig-2023&fileName=roster.xlsx`, undefined, {
    token, rawBody: new Uint8Array(await rosterXlsx(rows)), headers: { 'content-type': XLSX },
  })
  expect(res.status).toBe(201)
  return res.body
}

test('a row flagged enrolment_overlap changes nothing of the other unit’s person; the good rows are imported', async () => {
  const rider = freshIdNumber()
  const first = await upload(users.unitId, users.unit_admin.token, [rosterRow(1, { 1: '王小明', 3: rider, 4: '13811112222', 6: '美团' })])
  expect((await app.api.post(`/api/v1/units/${users.unitId}/rosters/${first.id}/import`, {}, { token: users.unit_admin.token })).status).toBe(200)
  const person = await app.db.selectFrom('insured_persons').selectAll().execute().then((rows) => rows.find((p) => p.name === '王小明')!)

  const second = await upload(unitB, adminB.token, [
    rosterRow(1, { 1: '王大明', 3: rider, 4: '13999998888', 6: '饿了么' }),
    rosterRow(2, { 1: '刘新人' }),
  ])
  expect(second.errors).toEqual([expect.objectContaining({ row: 2, code: 'enrolment_overlap' })])
  const imported = await app.api.post(`/api/v1/units/${unitB}/rosters/${second.id}/import`, { onlyValidRows: true }, { token: adminB.token })
  expect([imported.status, imported.body.importedCount]).toEqual([200, 1])

  expect(await app.db.selectFrom('insured_persons').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow()).toEqual(person)
  const ofRider = await app.db.selectFrom('enrolments').select(['unit_id']).where('insured_person_id', '=', person.id).execute()
  expect(ofRider).toEqual([{ unit_id: users.unitId }])
})

test('a 1,200-row import (three batches, each written while the next is prepared) whose third batch meets cover taken meanwhile: 409 naming the row and nothing written, or only that row left out', async () => {
  const rows = Array.from({ length: 1_200 }, (_, i) => rosterRow(i + 1))
  const rider = rows[1_149]![3] as string
  const big = await upload(unitB, adminB.token, rows)
  expect([big.errors, big.validCount]).toEqual([[], 1_200])
  // Meanwhile unit A enrols the rider of row 1,151 (the third batch of 500).
  const meanwhile = await upload(users.unitId, users.unit_admin.token, [rosterRow(1, { 3: rider })])
  expect((await app.api.post(`/api/v1/units/${users.unitId}/rosters/${meanwhile.id}/import`, {}, { token: users.unit_admin.token })).status).toBe(200)
  const count = () => app.db.selectFrom('enrolments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n))
  const persons = () => app.db.selectFrom('insured_persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n))
  const [enrolledBefore, personsBefore] = [await count(), await persons()]

  const refused = await app.api.post(`/api/v1/units/${unitB}/rosters/${big.id}/import`, {}, { token: adminB.token })
  expect([refused.status, refused.body.error.code]).toEqual([409, 'enrolment_overlap'])
  expect(refused.body.error.details).toEqual([{ row: 1_151, column: '身份证号码', code: 'enrolment_overlap' }])
  // The first two batches, already written when the third was refused, were rolled back with it.
  expect([await count(), await persons()]).toEqual([enrolledBefore, personsBefore])

  const imported = await app.api.post(`/api/v1/units/${unitB}/rosters/${big.id}/import`, { onlyValidRows: true }, { token: adminB.token })
  expect([imported.status, imported.body.importedCount]).toEqual([200, 1_199])
  expect([await count(), await persons()]).toEqual([enrolledBefore + 1_199, personsBefore + 1_199])
})
