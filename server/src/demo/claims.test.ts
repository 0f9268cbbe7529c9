import { builtInCatalogues } from '@huzhu/shared'
import { claimant, loginAs, startTestApp, type TestApp } from '../../test/helpers'
import { seedDemoClaims } from './claims'
import { seedDemoData } from './seed'

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
  const deps = { clock: app.clock, protector: app.protector, config: app.config, blobs: app.deps.blobs, catalogues: { list: () => [...catalogues.values()], get: (id: string) => catalogues.get(id) } }
  const ids = await seedDemoClaims(app.db, deps)
  expect(ids).toHaveLength(6)
  const rows = await app.db.selectFrom('claims').select(['id', 'status', 'estimate_fen', 'decision']).orderBy('id').execute()
  expect(rows.map((r) => r.status)).toEqual(['submitted', 'in_review', 'needs_material', 'approved', 'paid', 'rejected'])
  expect(rows.every((r) => r.estimate_fen > 0)).toBe(true)
  expect(JSON.parse(rows[5]!.decision!).refusal).toMatchObject({ code: 'other', number: 99, text: '健康体检不属于住院医疗保障范围' })
  const history = await app.db.selectFrom('claim_history').select('status').where('claim_id', '=', ids[4]!).orderBy('id').execute()
  expect(history.map((h) => h.status)).toEqual(['submitted', 'in_review', 'approved', 'payment_in_progress', 'paid'])
  // Every claim is paid to its member's own demo card; the paid one went through a batch and the bank's result.
  const claims = await app.db.selectFrom('claims').innerJoin('payee_accounts as a', 'a.id', 'claims.payee_account_id')
    .select(['claims.member_user_id', 'a.user_id']).execute()
  expect(claims).toHaveLength(6)
  expect(claims.every((c) => c.member_user_id === c.user_id)).toBe(true)
  const line = await app.db.selectFrom('claim_payment_lines').selectAll().where('claim_id', '=', ids[4]!).executeTakeFirstOrThrow()
  expect(line).toMatchObject({ result: 'paid', bank_reference: 'DEMO-PAY-0005' })
  expect(await seedDemoClaims(app.db, deps)).toEqual([])
})

test('on the demo office (npm start): claims in every status, each paying something, one approved and waiting for payment', async () => {
  const office = await startTestApp()
  try {
    const catalogues = builtInCatalogues()
    const store = { list: () => [...catalogues.values()], get: (id: string) => catalogues.get(id) }
    expect(await seedDemoData(office.db, { clock: office.clock, protector: office.protector, config: office.config, blobs: office.deps.blobs, catalogues: store })).toBe(true)
    expect(await seedDemoClaims(office.db, { clock: office.clock, protector: office.protector, config: office.config, blobs: office.deps.blobs, catalogues: store })).toHaveLength(6)
    const rows = await office.db.selectFrom('claims').select(['status', 'estimate_fen', 'approved_fen']).orderBy('id').execute()
    expect(rows.map((r) => r.status)).toEqual(['submitted', 'in_review', 'needs_material', 'approved', 'paid', 'rejected'])
    expect(rows.filter((r) => r.estimate_fen <= 0)).toEqual([])
    expect(rows.find((r) => r.status === 'approved')!.approved_fen).toBeGreaterThan(0)
  } finally {
    await office.close()
  }
})
