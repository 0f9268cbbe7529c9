import { builtInCatalogueData, loadCatalogue } from '@huzhu/shared'
import { createUnit, freshIdNumber, loginAs, setChinaDate, setUnitSelection, startTestApp, type TestApp, type TestUser } from '../../../test/helpers'
import { closeCatalogue, publishCatalogue } from './catalogue-admin.service'
import { CATALOGUE_MAX_AGE_MS } from './catalogue-store'

const shanghai = builtInCatalogueData[0] as Record<string, unknown> & { products: Record<string, unknown>[] }

/** Next year's Shanghai plan, as an office would upload it: the 2020 file with new dates and a dearer A0. */
function plan2027(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...shanghai,
    id: 'shanghai-2027',
    name: '上海市职工互助保障 2027 年度',
    term: { kind: 'plan_year', start: '2027-04-01', end: '2028-03-31' },
    proration: [{ startFrom: '2027-10-01', rateBp: 5000, label: '半年' }],
    products: [{ ...shanghai.products[0], priceFen: 13000 }, ...shanghai.products.slice(1)],
    ...over,
  }
}

const quoteBody = { catalogueId: 'shanghai-2027', products: ['A0', 'B0'], mode: 'instant', acceptedOn: '2027-05-10' }
const person = () => ({
  name: '钱七', idNumber: freshIdNumber(), mobile: '13912345678', occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true,
})

let app: TestApp
/** A second node of the same installation: same database, its own process state (catalogue store included). */
let other: TestApp
let admin: TestUser
let staff: TestUser
beforeAll(async () => {
  app = await startTestApp()
  other = await startTestApp({ sameDatabaseAs: app })
  // In next year's plan year, before anyone signs in (sessions run on the app's clock).
  setChinaDate(app, '2027-05-10')
  setChinaDate(other, '2027-05-10')
  admin = await loginAs(app, { roles: ['admin'] })
  staff = await loginAs(app, { roles: ['staff'] })
}, 30_000)
afterAll(async () => {
  await other.close()
  await app.close()
})

const preview = (body: unknown, on?: string) => app.api.post(`/api/v1/catalogue-previews${on ? `?on=${on}` : ''}`, body, { token: admin.token })
const publish = (id: string, body: unknown) => app.api.put(`/api/v1/catalogues/${id}`, body, { token: admin.token })
const catalogueRows = () => app.db.selectFrom('catalogues').selectAll().execute()
/** Another node reads the catalogues' change mark at most once every CATALOGUE_MAX_AGE_MS (a second): after that, it goes by the change. */
const otherNodeCatchesUp = () => new Promise((resolve) => setTimeout(resolve, CATALOGUE_MAX_AGE_MS))

describe('an admin uploads a catalogue file', () => {
  test('a file with errors is refused with every error at its path, in Chinese, and nothing is stored', async () => {
    const { name: _name, ...bad } = plan2027({
      bundel: [],
      products: [{ ...shanghai.products[0], category: 'dental', priceFen: 120.5 }, ...shanghai.products.slice(1)],
      twoUnitsAtOnce: 'yes',
    })
    for (const res of [await preview(bad), await publish('shanghai-2027', bad)]) {
      expect(res.status).toBe(422)
      expect(res.body.error.code).toBe('catalogue_invalid')
      const byPath = Object.fromEntries((res.body.error.details as { path: string; message: string }[]).map((d) => [d.path, d.message]))
      expect(byPath).toEqual({
        '': expect.stringContaining('bundel'),
        name: expect.stringMatching(/^无效输入/),
        'products.0.priceFen': '金额最多精确到分',
        twoUnitsAtOnce: expect.stringMatching(/^无效输入/),
      })
      expect(res.body.error.message).toBe('保障计划文件有 4 处错误，请按提示逐项修改后重新上传')
    }
    // The cross-field checks run once the shapes are right: an unknown category at its path.
    const unknownCategory = await preview(plan2027({ products: [{ ...shanghai.products[0], category: 'dental' }, ...shanghai.products.slice(1)] }))
    expect(unknownCategory.status).toBe(422)
    expect(unknownCategory.body.error.details).toEqual([{ path: 'products.0.category', message: '没有这个类别：dental' }])
    expect(await catalogueRows()).toEqual([])
    expect((await app.api.get('/api/v1/catalogues/shanghai-2027')).status).toBe(404)
  })

  test('the preview shows products, prices, benefits, dates and waiting periods as a member would see them', async () => {
    const res = await preview(plan2027(), '2027-10-14')
    expect(res.status).toBe(200)
    expect(res.body.refusal).toBeNull()
    expect(res.body.existing).toBeNull()
    expect(loadCatalogue(res.body.catalogue).ok).toBe(true)
    const a0 = res.body.preview.products[0]
    expect(a0).toMatchObject({ code: 'A0', priceFen: 13000, tierLabel: '基本保障', categoryName: '住院' })
    expect(a0.benefits[0].text).toContain('每年最高 ¥100,000.00')
    expect(res.body.preview.modes).toEqual([
      { mode: 'collective', label: '集中参保', ok: false, reason: expect.stringContaining('2027-04-01') },
      {
        mode: 'instant', label: '即时参保', ok: true, start: '2027-10-15', end: '2028-03-31',
        waiting: [
          { category: 'hospital', name: '住院', days: 30, coverFrom: '2027-11-14' },
          { category: 'critical', name: '特种重病', days: 60, coverFrom: '2027-12-14' },
          { category: 'accident', name: '意外', days: 0, coverFrom: '2027-10-15' },
        ],
      },
    ])
    expect(await catalogueRows()).toEqual([])
  })

  test('a shipped catalogue’s id cannot be published over (409, shown in the preview too)', async () => {
    const shipped = plan2027({ id: 'shanghai-2020' })
    expect((await preview(shipped)).body.refusal).toEqual({ code: 'catalogue_shipped', message: expect.stringContaining('shanghai-2020') })
    const res = await publish('shanghai-2020', shipped)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('catalogue_shipped')
    const mismatch = await publish('shanghai-2028', plan2027())
    expect(mismatch.status).toBe(422)
    expect(mismatch.body.error).toMatchObject({ code: 'catalogue_id_mismatch', details: [{ path: 'id' }] })
    expect(await catalogueRows()).toEqual([])
  })
})

describe('publishing without a restart', () => {
  test('published on one node, a rider quotes it there at once and on another node within a second; audited', async () => {
    // The other node has answered before: its store is loaded, and must not keep what it loaded.
    expect((await other.api.post('/api/v1/quotes', quoteBody)).body.error.code).toBe('unknown_catalogue')
    const res = await publish('shanghai-2027', plan2027())
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: 'shanghai-2027', origin: 'published', version: 1, inUse: false, changeable: true, twoUnitsAtOnce: true, closedOn: null })
    expect((await app.api.post('/api/v1/quotes', quoteBody)).status).toBe(200)

    await otherNodeCatchesUp()
    const quote = await other.api.post('/api/v1/quotes', quoteBody)
    expect(quote.status).toBe(200)
    expect(quote.body).toMatchObject({ start: '2027-05-11', end: '2028-03-31', premiumFen: 13000 + 5500 })
    const listed = await other.api.get('/api/v1/catalogues')
    expect(listed.body.catalogues.map((c: { id: string }) => c.id)).toEqual(['shanghai-2020', 'shaanxi-gig-2023', 'shanghai-2027'])

    const audit = await app.db.selectFrom('audit_log').selectAll().where('resource', '=', 'catalogue:shanghai-2027').execute()
    expect(audit).toEqual([expect.objectContaining({ actor_user_id: admin.id, action: 'create', fields: '["data"]' })])
  })

  test('a version no enrolment uses can be published again; every node quotes the new prices', async () => {
    const res = await publish('shanghai-2027', plan2027({ products: [{ ...shanghai.products[0], priceFen: 14000 }, ...shanghai.products.slice(1)] }))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ version: 2, changeable: true })
    expect((await app.api.post('/api/v1/quotes', quoteBody)).body.premiumFen).toBe(14000 + 5500)
    await otherNodeCatchesUp()
    expect((await other.api.post('/api/v1/quotes', quoteBody)).body.premiumFen).toBe(14000 + 5500)
  })

  test('once an enrolment uses it, it cannot change: 409, nothing changed, the preview says so', async () => {
    const unitId = await createUnit(app, '静安区外卖站')
    await setUnitSelection(app, unitId, 'shanghai-2027', ['A0', 'B0'])
    const hired = await app.api.post(`/api/v1/units/${unitId}/new-hires`, person(), { token: staff.token })
    expect(hired.status).toBe(201)

    const res = await publish('shanghai-2027', plan2027())
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('catalogue_in_use')
    expect((await other.api.post('/api/v1/quotes', quoteBody)).body.premiumFen).toBe(14000 + 5500)
    expect((await preview(plan2027())).body).toMatchObject({
      refusal: { code: 'catalogue_in_use' }, existing: { id: 'shanghai-2027', version: 2, inUse: true, changeable: false },
    })
    const records = await app.api.get('/api/v1/catalogue-records', { token: admin.token })
    expect(records.body.catalogues.find((c: { id: string }) => c.id === 'shanghai-2027')).toMatchObject({ inUse: true, changeable: false })
    expect(records.body.catalogues.find((c: { id: string }) => c.id === 'shanghai-2020')).toMatchObject({ origin: 'built_in', version: null, inUse: false, changeable: false })
  })

  test('it can be succeeded: its successor is named (renewal follows it), never itself or a loop', async () => {
    await publish('shanghai-2028', plan2027({ id: 'shanghai-2028', name: '上海市职工互助保障 2028 年度', term: { kind: 'plan_year', start: '2028-04-01', end: '2029-03-31' }, proration: [] }))
    const put = (id: string, successor: string | null) => app.api.put(`/api/v1/catalogues/${id}/successor`, { successor }, { token: admin.token })
    expect((await put('shanghai-2027', 'atlantis-2028')).body.error).toMatchObject({ code: 'catalogue_successor_unknown', details: [{ path: 'successor' }] })
    expect((await put('shanghai-2027', 'shanghai-2027')).body.error.code).toBe('catalogue_successor_invalid')
    const res = await put('shanghai-2027', 'shanghai-2028')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: 'shanghai-2027', successor: 'shanghai-2028', inUse: true })
    await otherNodeCatchesUp()
    expect((await other.api.get('/api/v1/catalogues/shanghai-2027')).body.successor).toBe('shanghai-2028')
    const loop = await put('shanghai-2028', 'shanghai-2027')
    expect(loop.status).toBe(422)
    expect(loop.body.error.message).toContain('shanghai-2028 → shanghai-2027 → shanghai-2028')
    // A shipped catalogue can be succeeded too (its row holds only the setting).
    expect((await put('shanghai-2020', 'shanghai-2027')).body).toMatchObject({ origin: 'built_in', successor: 'shanghai-2027' })
    await otherNodeCatchesUp()
    expect((await other.api.get('/api/v1/catalogues/shanghai-2020')).body.successor).toBe('shanghai-2027')
  })

  test('it can be closed to new enrolments: quotes and enrolments refused on every node from today, what is enrolled stays', async () => {
    const res = await app.api.post('/api/v1/catalogues/shanghai-2027/closure', {}, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ closedOn: '2027-05-10' })
    await otherNodeCatchesUp()
    const quote = await other.api.post('/api/v1/quotes', quoteBody)
    expect(quote.status).toBe(422)
    expect(quote.body.error.details).toEqual([expect.objectContaining({ rule: 'enrolment_closed', message: '本计划已于 2027-05-09 停止参保' })])
    const unitId = await createUnit(other, '徐汇区快递站')
    await setUnitSelection(other, unitId, 'shanghai-2027', ['A0', 'B0'])
    const hired = await other.api.post(`/api/v1/units/${unitId}/new-hires`, person(), { token: staff.token })
    expect(hired.status).toBe(422)
    expect(hired.body.error.code).toBe('enrolment_dates_invalid')
    expect(await app.db.selectFrom('enrolments').select('id').where('catalogue_id', '=', 'shanghai-2027').execute()).toHaveLength(1)
    const again = await app.api.post('/api/v1/catalogues/shanghai-2027/closure', {}, { token: admin.token })
    expect(again.status).toBe(409)
    expect(again.body.error).toEqual({ code: 'catalogue_already_closed', message: '保障计划 shanghai-2027 已于 2027-05-10 起停止新参保' })
    const audit = await app.db.selectFrom('audit_log').select(['action', 'fields']).where('resource', '=', 'catalogue:shanghai-2027').orderBy('id').execute()
    expect(audit.map((a) => a.fields)).toEqual(['["data"]', '["data"]', '["successor"]', '["closedOn"]'])
  })

  test('only admins reach the catalogue tools', async () => {
    for (const token of [staff.token, (await loginAs(app)).token]) {
      expect((await app.api.get('/api/v1/catalogue-records', { token })).status).toBe(403)
      expect((await app.api.put('/api/v1/catalogues/shanghai-2030', plan2027({ id: 'shanghai-2030' }), { token })).status).toBe(403)
    }
    expect((await app.api.get('/api/v1/catalogues/shanghai-2030')).status).toBe(404)
  })
})

describe('a closure or a new version at the same moment as an enrolment: one waits for the other', () => {
  const actor = () => ({ userId: admin.id, ip: null, requestId: null })
  /** A unit enrolling its new hires into a freshly published copy of next year's plan under this id. */
  async function unitOn(id: string): Promise<string> {
    expect((await publish(id, plan2027({ id }))).status).toBe(200)
    const unitId = await createUnit(app, `${id} 站`)
    await setUnitSelection(app, unitId, id, ['A0', 'B0'])
    return unitId
  }
  /**
   * `change` runs in a transaction that stays open half a second while a new hire is enrolled on the same node, whose
   * store still has the catalogue as it was: the enrolment must wait for the commit and go by what it wrote.
   */
  async function hireDuring(unitId: string, change: (trx: typeof app.db) => Promise<void>) {
    return app.db.transaction().execute(async (trx) => {
      await change(trx)
      const hired = app.api.post(`/api/v1/units/${unitId}/new-hires`, person(), { token: staff.token })
      await new Promise((resolve) => setTimeout(resolve, 500))
      return { hired }
    })
  }
  const enrolled = (id: string) => app.db.selectFrom('enrolments').select('id').where('catalogue_id', '=', id).execute()

  test('closed while a new hire is being enrolled: the enrolment is refused with the closure’s rule, nothing written', async () => {
    const unitId = await unitOn('jingan-2027')
    const { hired } = await hireDuring(unitId, (trx) => closeCatalogue(trx, app.deps, actor(), 'jingan-2027'))
    const answer = await hired
    expect(answer.status).toBe(422)
    expect(answer.body.error.code).toBe('enrolment_dates_invalid')
    expect(answer.body.error.details).toEqual([expect.objectContaining({ rule: 'enrolment_closed', message: '本计划已于 2027-05-09 停止参保' })])
    expect(await enrolled('jingan-2027')).toEqual([])
  })

  test('a new version published while a new hire is being enrolled: the enrolment priced from the old one is refused (409)', async () => {
    const unitId = await unitOn('xuhui-2027')
    const dearer = plan2027({ id: 'xuhui-2027', products: [{ ...shanghai.products[0], priceFen: 15000 }, ...shanghai.products.slice(1)] })
    const { hired } = await hireDuring(unitId, (trx) => publishCatalogue(trx, app.deps, actor(), 'xuhui-2027', dearer))
    const answer = await hired
    expect(answer.status).toBe(409)
    expect(answer.body.error).toEqual({ code: 'catalogue_changed', message: '保障计划 xuhui-2027 刚刚发布了新版本，价格和保障可能已变，请重新查看后再参保' })
    expect(await enrolled('xuhui-2027')).toEqual([])
    // Asked again once the store has the new version (the publish route refreshes it after the commit): priced from it.
    await app.deps.catalogues.refresh(app.db)
    const again = await app.api.post(`/api/v1/units/${unitId}/new-hires`, person(), { token: staff.token })
    expect(again.status).toBe(201)
    expect(await enrolled('xuhui-2027')).toHaveLength(1)
  })
})
