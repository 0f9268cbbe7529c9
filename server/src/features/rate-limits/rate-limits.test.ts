import { startTestApp, type TestApp } from '../../../test/helpers'
import { checkRateLimits, pruneRateLimits, RATE_LIMIT_RETENTION_SECONDS, type RateLimitRule } from './rate-limits.service'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const rule = (key: string, max = 2): RateLimitRule => ({ bucket: 'test_prune', key, windows: [{ seconds: 3_600, max }, { seconds: RATE_LIMIT_RETENTION_SECONDS, max: 10 }] })
const check = (r: RateLimitRule) => app.db.transaction().execute((tx) => checkRateLimits(tx, app, [r]))
const rows = async () => ({
  hits: Number((await app.db.selectFrom('rate_limit_hits').select((eb) => eb.fn.countAll().as('n')).where('bucket', '=', 'test_prune').executeTakeFirstOrThrow()).n),
  keys: Number((await app.db.selectFrom('rate_limit_keys').select((eb) => eb.fn.countAll().as('n')).where('bucket', '=', 'test_prune').executeTakeFirstOrThrow()).n),
})

describe('rate limits kept in the database', () => {
  test('a key seen once leaves nothing behind a day later; a key still counting keeps its recent hits', async () => {
    // One IP seen once, another that keeps coming.
    expect(await check(rule('10.0.0.1'))).toEqual({ ok: true })
    expect(await check(rule('10.0.0.2'))).toEqual({ ok: true })
    app.clock.advance((RATE_LIMIT_RETENTION_SECONDS - 60) * 1000)
    expect(await check(rule('10.0.0.2'))).toEqual({ ok: true })
    expect(await rows()).toEqual({ hits: 3, keys: 2 })

    // Nothing is pruned that a window can still count.
    expect(await pruneRateLimits(app.db, app.clock)).toEqual({ hits: 0, keys: 0 })
    app.clock.advance(120_000)
    // A day and a minute after the first hits: those two hits and the key not checked since go.
    expect(await pruneRateLimits(app.db, app.clock)).toEqual({ hits: 2, keys: 1 })
    expect(await rows()).toEqual({ hits: 1, keys: 1 })

    // The key that kept coming is still limited by its hour's hit; the pruned one starts afresh.
    expect(await check(rule('10.0.0.2', 1))).toMatchObject({ ok: false, bucket: 'test_prune' })
    expect(await check(rule('10.0.0.1', 1))).toEqual({ ok: true })
  })

  test('a window longer than what is kept is refused, not silently under-counted', async () => {
    await expect(check({ bucket: 'test_long', key: 'x', windows: [{ seconds: RATE_LIMIT_RETENTION_SECONDS + 1, max: 5 }] })).rejects.toThrow(/longer than/)
  })
})
