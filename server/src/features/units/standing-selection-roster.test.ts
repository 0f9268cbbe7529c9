import { createUnit, loginAs, rosterRow, rosterXlsx, setUnitSelection, startTestApp, XLSX, type TestApp } from '../../../test/helpers'

/**
 * DOMAIN.md rule 6 on rosters: the unit's standing selection is what its roster
 * rows get when they leave 参保项目 blank, as a new hire gets it.
 */
let app: TestApp
beforeAll(async () => { app = await startTestApp() })
afterAll(() => app.close())

async function uploadAndImport(unitId: string, rows: Parameters<typeof rosterXlsx>[0]) {
  const admin = await loginAs(app, { roles: [{ role: 'unit_admin', unitId }] })
  const uploaded = await app.api.request('POST', `/api/v1/units/${unitId}/rosters?catalogueId=shaanxi-gig-2023`, undefined, {
    token: admin.token, rawBody: new Uint8Array(await rosterXlsx(rows)), headers: { 'content-type': XLSX },
  })
  expect(uploaded.status).toBe(201)
  return { admin, roster: uploaded.body as { id: string; validCount: number; errors: { row: number; column: string; code: string }[] } }
}

describe('a roster without products and the unit’s standing selection', () => {
  test('rows that leave 参保项目 blank get the unit’s selection and are imported with it', async () => {
    const unitId = await createUnit(app, '统一选择的站点')
    await setUnitSelection(app, unitId, 'shaanxi-gig-2023', ['ZY'])
    const { admin, roster } = await uploadAndImport(unitId, [rosterRow(1, { 8: '' }), rosterRow(2, { 8: null }), rosterRow(3)])
    expect(roster).toMatchObject({ validCount: 3, errors: [] })
    const imported = await app.api.post(`/api/v1/units/${unitId}/rosters/${roster.id}/import`, {}, { token: admin.token })
    expect(imported.body).toMatchObject({ status: 'imported', importedCount: 3, premiumFen: 30_000 })
    const products = await app.db.selectFrom('enrolments').select('products').where('roster_id', '=', roster.id).execute()
    expect(products.map((p) => JSON.parse(p.products))).toEqual([['ZY'], ['ZY'], ['ZY']])
  })

  test('a unit without a standing selection: a blank 参保项目 is still reported on its row', async () => {
    const unitId = await createUnit(app, '未定方案的站点')
    const { roster } = await uploadAndImport(unitId, [rosterRow(1, { 8: '' }), rosterRow(2)])
    expect(roster.validCount).toBe(1)
    expect(roster.errors).toEqual([expect.objectContaining({ row: 2, column: '参保项目', code: 'roster_products_required' })])
  })
})
