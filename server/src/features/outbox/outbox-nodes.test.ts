import { startTestApp, type TestApp } from '../../../test/helpers'
import { enqueueSealed } from './outbox.service'

// Two nodes: two apps on one database file, each with its own connections, clock, outbox worker and SMS provider.
let a: TestApp
let b: TestApp
beforeAll(async () => {
  a = await startTestApp()
  b = await startTestApp({ sameDatabaseAs: a })
})
afterAll(async () => {
  await b.close()
  await a.close()
})

const queueCode = (node: TestApp, phone: string) =>
  node.db.transaction().execute((trx) => enqueueSealed(trx, { clock: node.clock, protector: node.protector }, 'login_code_sms', { phone, code: '135790' }))
const phonesSent = () => [...a.sms.sent, ...b.sms.sent].map((m) => m.phone).sort()

describe('the outbox on two nodes', () => {
  test('both workers take at once: every message is sent once, by one node', async () => {
    const phones = Array.from({ length: 30 }, (_, i) => `1390000${String(i).padStart(4, '0')}`)
    for (const [i, phone] of phones.entries()) await queueCode(i % 2 === 0 ? a : b, phone)
    await Promise.all([a.outbox.drain(), b.outbox.drain(), a.outbox.drain(), b.outbox.drain()])
    expect(phonesSent()).toEqual(phones)
    const rows = await a.db.selectFrom('outbox').select(['attempts', 'done_at', 'lease_owner']).execute()
    expect(rows).toHaveLength(30)
    expect(rows.every((r) => r.attempts === 1 && r.done_at !== null && r.lease_owner === null)).toBe(true)
  })

  test('rows a node took before it died are sent by the other node once their lease runs out, and only then', async () => {
    const id = await queueCode(a, '13900009999')
    // Node a took it (its worker's lease: 60 s) and died before sending.
    await a.db.updateTable('outbox').set({ lease_owner: 'node-that-died', lease_until: new Date(b.clock.now().getTime() + 60_000).toISOString(), attempts: 1 })
      .where('id', '=', id).execute()
    await b.outbox.drain()
    expect(phonesSent()).not.toContain('13900009999')
    b.clock.advance(60_001)
    await b.outbox.drain()
    expect(b.sms.sent.filter((m) => m.phone === '13900009999')).toHaveLength(1)
    expect(await a.db.selectFrom('outbox').select(['attempts', 'done_at']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ attempts: 2, done_at: expect.any(String) })
  })
})
