import { Writable } from 'node:stream'
import { startTestApp, type TestApp } from '../../test/helpers'
import { createLogger } from '../logger'
import { every } from './every'
import { takeJobLease } from './job-leases'

const HOUR = 3_600_000

function capture() {
  let text = ''
  const logger = createLogger('debug', new Writable({ write(chunk: Buffer, _e, done) { text += chunk.toString(); done() } }))
  return { logger, text: () => text }
}

// Two nodes: two apps on one database file, each with its own connections and clock.
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

/** Starts the hourly job `name` on `node` (it ticks at once), lets that tick finish, and stops it. */
async function tick(node: TestApp, name: string, run: () => Promise<unknown>, logger = capture().logger): Promise<void> {
  await every(name, HOUR, logger, run, { db: node.db, clock: node.clock, holder: node.outbox.nodeId }).stop()
}

describe('a scheduled job with a lease', () => {
  test('however many nodes tick at once, one runs it in a period; the next period one runs it again', async () => {
    const runs: string[] = []
    const job = (node: TestApp, label: string) => tick(node, 'test_hourly', async () => {
      runs.push(label)
      await new Promise((r) => setTimeout(r, 20))
    })
    await Promise.all([job(a, 'a'), job(b, 'b'), job(a, 'a'), job(b, 'b')])
    expect(runs).toHaveLength(1)
    // Later in the same hour, on either node: skipped, and said so in the debug log.
    const skipped = capture()
    await tick(b, 'test_hourly', async () => { runs.push('b') }, skipped.logger)
    expect(runs).toHaveLength(1)
    expect(skipped.text()).toContain('another node runs it this period')
    // The next hour: the lease has run out, and the first node to tick takes it.
    a.clock.advance(HOUR)
    b.clock.advance(HOUR)
    await Promise.all([job(b, 'b'), job(a, 'a')])
    expect(runs).toHaveLength(2)
    const row = await a.db.selectFrom('job_leases').selectAll().where('name', '=', 'test_hourly').executeTakeFirstOrThrow()
    expect([a.outbox.nodeId, b.outbox.nodeId]).toContain(row.holder)
  })

  test('a node that died holding the lease delays the job only until the lease runs out; then another node runs it', async () => {
    const now = b.clock.now()
    expect(await takeJobLease(a.db, 'test_orphaned', 'node-that-died', now.toISOString(), new Date(now.getTime() + HOUR - 60_000).toISOString())).toBe(true)
    const runs: string[] = []
    await tick(b, 'test_orphaned', async () => { runs.push('b') })
    expect(runs).toEqual([])
    b.clock.advance(HOUR - 60_000)
    await tick(b, 'test_orphaned', async () => { runs.push('b') })
    expect(runs).toEqual(['b'])
  })

  test('a failed run is logged and gives the lease back: the next tick of any node tries again within the hour', async () => {
    const failed = capture()
    await tick(a, 'test_failing', async () => { throw new Error('provider down') }, failed.logger)
    expect(failed.text()).toContain('scheduled job failed')
    expect(failed.text()).toContain('provider down')
    const runs: string[] = []
    b.clock.advance(1_000)
    await tick(b, 'test_failing', async () => { runs.push('b') })
    expect(runs).toEqual(['b'])
  })
})
