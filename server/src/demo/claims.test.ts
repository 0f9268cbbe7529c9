import { builtInCatalogues } from '@huzhu/shared'
import { claimant, loginAs, startTestApp, type TestApp } from '../../test/helpers'
import { seedDemoClaims } from './claims'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

test('seedDemoClaims makes claims in every status through the real services, once', async () => {
  await loginAs(app, { roles: ['reviewer'] })
  await loginAs(app, { roles: ['staff'] })
  await claimant(app, { profile: { name: '刘骑手' } })
  await claimant(app, { profile: { name: '陈快递' } })
  const catalogues = builtInCatalogues()
  const deps = { clock: app.clock, config: app.config, catalogues: { list: () => [...catalogues.values()], get: (id: string) => catalogues.get(id) } }
  const ids = await seedDemoClaims(app.db, deps)
  expect(ids).toHaveLength(6)
  const rows = await app.db.selectFrom('claims').select(['id', 'status', 'estimate_fen', 'decision']).orderBy('id').execute()
  expect(rows.map((r) => r.status)).toEqual(['submitted', 'in_review', 'needs_material', 'approved', 'paid', 'rejected'])
  expect(rows.every((r) => r.estimate_fen > 0)).toBe(true)
  expect(JSON.parse(rows[5]!.decision!).refusal).toMatchObject({ code: 'other', number: 99, text: '健康体检不属于住院医疗保障范围' })
  const history = await app.db.selectFrom('claim_history').select('status').where('claim_id', '=', ids[4]!).orderBy('id').execute()
  expect(history.map((h) => h.status)).toEqual(['submitted', 'in_review', 'approved', 'paid'])
  expect(await seedDemoClaims(app.db, deps)).toEqual([])
})
