import { Writable } from 'node:stream'
import { startTestApp, type TestApp } from '../../../test/helpers'
import { createDataProtector } from '../../crypto/protector'
import { createLogger } from '../../logger'
import { DeliveryError } from './delivery-error'
import type { OutboxData, OutboxHandlers } from './outbox-kinds'
import { enqueue, enqueueSealed } from './outbox.service'
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
  // The workers here are each test's own; the app's (which looks once when it starts) takes nothing from them.
  await app.outbox.stop()
})
afterAll(() => app.close())

function capture() {
  let text = ''
  const logger = createLogger('debug', new Writable({ write(chunk: Buffer, _e, done) { text += chunk.toString(); done() } }))
  return { logger, text: () => text }
}

/** A worker over the test app's database with handlers that record what they send (or fail as told). */
function worker(options: OutboxWorkerOptions & { fail?: (data: unknown) => Error | undefined; durable?: () => Promise<void> } = {}) {
  const sent: { kind: string; data: unknown; node: string }[] = []
  const { logger, text } = capture()
  const nodeId = options.nodeId ?? `test-${Math.random().toString(36).slice(2)}`
  const record = async (kind: string, data: unknown) => {
    await new Promise((r) => setImmediate(r))
    const failure = options.fail?.(data)
    if (failure) throw failure
    sent.push({ kind, data, node: nodeId })
  }
  const handlers: OutboxHandlers = {
    login_code_sms: (data: OutboxData['login_code_sms']) => record('login_code_sms', data),
    notification: (data: OutboxData['notification']) => record('notification', data),
    blob_delete: (data: OutboxData['blob_delete']) => record('blob_delete', data),
  }
  const w = new OutboxWorker({ db: app.db, clock: app.clock, logger, protector: app.protector, durable: options.durable }, handlers, { pollMs: 0, ...options, nodeId })
  return { w, sent, logs: text }
}

const queue = (notificationId: string) => app.db.transaction().execute((trx) => enqueue(trx, { clock: app.clock }, 'notification', { notificationId }))
const rowOf = (id: string) => app.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
/** Finishes every row left unfinished by an earlier test, so each test sees only its own. */
const settleAll = () => app.db.updateTable('outbox').set({ done_at: app.clock.now().toISOString() }).where('done_at', 'is', null).where('failed_at', 'is', null).execute()

beforeEach(() => settleAll())

describe('outbox', () => {
  test('a message is written with the change that causes it: a rolled-back change queues nothing', async () => {
    await expect(app.db.transaction().execute(async (trx) => {
      await enqueue(trx, { clock: app.clock }, 'notification', { notificationId: 'ntf_rolled_back' })
      throw new Error('the change fails')
    })).rejects.toThrow('the change fails')
    const id = await queue('ntf_committed')
    const { w, sent } = worker()
    await w.drain()
    expect(sent).toEqual([{ kind: 'notification', data: { notificationId: 'ntf_committed' }, node: w.nodeId }])
    expect(await rowOf(id)).toMatchObject({ attempts: 1, done_at: expect.any(String), lease_owner: null, lease_until: null, last_error: null })
    expect(await app.db.selectFrom('outbox').select('id').where('payload', 'like', '%rolled_back%').execute()).toEqual([])
  })

  test('nothing goes out before the commits it tells of are on disk', async () => {
    await queue('ntf_synced_first')
    const order: string[] = []
    const { w, sent } = worker({ durable: async () => { order.push(`durable with ${sent.length} sent`) } })
    await w.drain()
    expect(order).toEqual(['durable with 0 sent'])
    expect(sent.map((s) => s.data)).toEqual([{ notificationId: 'ntf_synced_first' }])
  })

  test('a kick sends at once; login codes go before notices', async () => {
    const notice = await queue('ntf_first_in')
    const code = await app.db.transaction().execute((trx) => enqueueSealed(trx, { clock: app.clock, protector: app.protector }, 'login_code_sms', { phone: '13800001111', code: '135790' }))
    const { w, sent } = worker({ batchSize: 1 })
    w.kick()
    await w.drain()
    expect(sent.map((s) => s.kind)).toEqual(['login_code_sms', 'notification'])
    expect(sent[0]!.data).toEqual({ phone: '13800001111', code: '135790' })
    for (const id of [notice, code]) expect((await rowOf(id)).done_at).not.toBeNull()
  })

  test('a row a crashed node left leased is taken again once its lease runs out', async () => {
    const id = await queue('ntf_orphan')
    const until = new Date(app.clock.now().getTime() + 60_000).toISOString()
    await app.db.updateTable('outbox').set({ lease_owner: 'crashed-node', lease_until: until, attempts: 1 }).where('id', '=', id).execute()
    const { w, sent } = worker()
    w.start()
    await w.drain()
    expect(sent).toEqual([])
    app.clock.advance(60_001)
    await w.drain()
    expect(sent).toEqual([expect.objectContaining({ data: { notificationId: 'ntf_orphan' } })])
    expect(await rowOf(id)).toMatchObject({ attempts: 2, done_at: expect.any(String), lease_owner: null })
    await w.stop()
  })

  test('two workers on one database (two nodes) send each message once', async () => {
    const ids: string[] = []
    for (let i = 0; i < 40; i++) ids.push(await queue(`ntf_race_${i}`))
    const a = worker({ nodeId: 'node-a', batchSize: 7 })
    const b = worker({ nodeId: 'node-b', batchSize: 5 })
    await Promise.all([a.w.drain(), b.w.drain(), a.w.drain(), b.w.drain()])
    const sent = [...a.sent, ...b.sent].map((s) => (s.data as { notificationId: string }).notificationId)
    expect(sent.sort()).toEqual(ids.map((_, i) => `ntf_race_${i}`).sort())
    expect(a.sent.length).toBeGreaterThan(0)
    expect(b.sent.length).toBeGreaterThan(0)
    const rows = await app.db.selectFrom('outbox').select(['attempts', 'done_at']).where('id', 'in', ids).execute()
    expect(rows.every((r) => r.attempts === 1 && r.done_at !== null)).toBe(true)
  })

  test('a failure is retried after 30 s, then twice as long each time up to an hour; after 10 tries it is failed and logged without its payload', async () => {
    const id = await queue('ntf_never_delivered')
    const { w, sent, logs } = worker({ fail: () => new DeliveryError('tencent: LimitExceeded.PhoneNumberDailyLimit') })
    const waits: number[] = []
    for (let attempt = 1; attempt <= 10; attempt++) {
      await w.drain()
      const row = await rowOf(id)
      expect(row.attempts).toBe(attempt)
      expect(row.last_error).toBe('tencent: LimitExceeded.PhoneNumberDailyLimit')
      if (attempt === 10) break
      const wait = Date.parse(row.run_after) - app.clock.now().getTime()
      waits.push(Math.round(wait / 1000))
      app.clock.advance(wait - 1_000)
      await w.drain()
      expect((await rowOf(id)).attempts).toBe(attempt) // not before its time
      app.clock.advance(1_001)
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600])
    expect(await rowOf(id)).toMatchObject({ failed_at: expect.any(String), done_at: null, lease_owner: null })
    app.clock.advance(86_400_000)
    await w.drain()
    expect((await rowOf(id)).attempts).toBe(10)
    expect(sent).toEqual([])
    expect(logs()).toContain('outbox message failed, will retry')
    expect(logs()).toContain('outbox message failed for good')
    expect(logs()).not.toContain('ntf_never_delivered')
  })

  test('an unexpected error is stored by its name only, never its message', async () => {
    const id = await queue('ntf_leaky_error')
    const { w, logs } = worker({ fail: () => new Error('could not send to 13800001111') })
    await w.drain()
    expect((await rowOf(id)).last_error).toBe('Error')
    expect(logs()).not.toContain('13800001111')
  })

  test('a sealed payload that no longer opens (another data key) is given up at once', async () => {
    const other = createDataProtector(Buffer.alloc(32, 7))
    const id = await app.db.transaction().execute((trx) => enqueueSealed(trx, { clock: app.clock, protector: other }, 'login_code_sms', { phone: '13800002222', code: '246802' }))
    const { w, sent, logs } = worker()
    await w.drain()
    expect(sent).toEqual([])
    expect(await rowOf(id)).toMatchObject({ attempts: 1, failed_at: expect.any(String), last_error: 'payload unreadable' })
    expect(logs()).not.toContain('13800002222')
  })

  test('stop waits for the sends in progress and takes nothing more', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => { release = r })
    const delivered: string[] = []
    const slow = new OutboxWorker({ db: app.db, clock: app.clock, logger: createLogger('silent'), protector: app.protector }, {
      login_code_sms: async () => {},
      notification: async ({ notificationId }) => { await gate; delivered.push(notificationId) },
      blob_delete: async () => {},
    }, { pollMs: 0, nodeId: 'slow-node' })
    const first = await queue('ntf_in_flight')
    slow.kick()
    for (let i = 0; i < 200 && (await rowOf(first)).lease_owner !== 'slow-node'; i++) await new Promise((r) => setTimeout(r, 10))
    const stopped = slow.stop()
    const later = await queue('ntf_after_stop')
    release()
    await stopped
    slow.kick()
    await slow.drain()
    expect(delivered).toEqual(['ntf_in_flight'])
    expect((await rowOf(first)).done_at).not.toBeNull()
    expect((await rowOf(later)).done_at).toBeNull()
    const { w, sent } = worker()
    await w.drain()
    expect(sent.map((s) => s.data)).toEqual([{ notificationId: 'ntf_after_stop' }])
  })

  test('sent rows are pruned after a week, failed ones after a month', async () => {
    const sentId = await queue('ntf_old_sent')
    const failedId = await queue('ntf_old_failed')
    const now = app.clock.now().getTime()
    await app.db.updateTable('outbox').set({ done_at: new Date(now - 8 * 86_400_000).toISOString() }).where('id', '=', sentId).execute()
    await app.db.updateTable('outbox').set({ failed_at: new Date(now - 8 * 86_400_000).toISOString() }).where('id', '=', failedId).execute()
    const { w } = worker()
    await w.drain()
    expect(await app.db.selectFrom('outbox').select('id').where('id', 'in', [sentId, failedId]).execute()).toEqual([{ id: failedId }])
  })
})
