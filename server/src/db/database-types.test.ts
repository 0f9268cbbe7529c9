/**
 * What the code relies on from either database (run in the `server` and `server-pg` projects): money as
 * exact integers up to MAX_FEN and past 32 bits, sums and counts as numbers, and text (ids, ISO instants,
 * dates) compared and sorted byte by byte, as JavaScript compares strings.
 */
import { sql } from 'kysely'
import { startTestApp, testDatabaseKind, databaseUrl, type TestApp } from '../../test/helpers'
import { Client } from 'pg'
import { openPostgres, parseWholeNumber } from './postgres/pool'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const MAX_FEN = 10_000_000_000

test('money past 32 bits, up to MAX_FEN, is stored and read back exactly, as a number; so are its sum and a count', async () => {
  const staff = await app.db.insertInto('users').values({
    id: 'usr_money', phone_hash: null, phone_ciphertext: null, wechat_openid: null, created_at: '2026-11-28T00:00:00.000Z', last_login_at: null, disabled_at: null,
  }).returning('id').executeTakeFirstOrThrow()
  const payment = (reference: string, amount_fen: number) => ({
    id: `pay_${reference}`, catalogue_id: 'shaanxi-gig-2023', reference, amount_fen, payer: null, unit_id: null, enrolment_count: 1,
    confirmed_at: '2026-11-28T00:00:00.000Z', confirmed_by: staff.id, channel: 'transfer',
  })
  await app.db.insertInto('payments').values([payment('MONEY-A', MAX_FEN), payment('MONEY-B', 2 ** 31 + 1)]).execute()
  const rows = await app.db.selectFrom('payments').select('amount_fen').where('reference', 'like', 'MONEY-%').orderBy('reference').execute()
  expect(rows).toEqual([{ amount_fen: MAX_FEN }, { amount_fen: 2 ** 31 + 1 }])
  const total = await app.db.selectFrom('payments').select((eb) => [eb.fn.sum<number>('amount_fen').as('fen'), eb.fn.countAll<number>().as('n')])
    .where('reference', 'like', 'MONEY-%').executeTakeFirstOrThrow()
  expect(total).toEqual({ fen: MAX_FEN + 2 ** 31 + 1, n: 2 })
  expect(typeof total.fen).toBe('number')
})

test('text compares and sorts as JavaScript compares strings: case, punctuation, digits, ISO instants', async () => {
  const values = ['usr_01B', 'usr_01a', 'usr-01A', 'usr_01A', 'Z', '_', 'a_c', 'ab', '2026-11-28', '2026-11-28T00:00:00.000Z', '2026-11-28T00:00:00Z', '王芳', '王', 'é', 'e']
  const query = sql<{ v: string }>`select v from (${sql.join(values.map((v) => sql`select cast(${v} as text) as v`), sql` union all `)}) as t order by v`
  const sorted = (await query.execute(app.db)).rows.map((r) => r.v)
  expect(sorted).toEqual([...values].sort())
  const less = await sql<{ yes: number }>`select case when ${'B'} < ${'a'} and ${'2026-11-28'} < ${'2026-11-28T00:00:00.000Z'} then 1 else 0 end as yes`.execute(app.db)
  expect(Number(less.rows[0]!.yes)).toBe(1)
})

test('a whole number the database returns past Number.MAX_SAFE_INTEGER is an error, never a rounded amount', async () => {
  expect(parseWholeNumber('10000000000')).toBe(MAX_FEN)
  expect(parseWholeNumber('-9007199254740991')).toBe(-Number.MAX_SAFE_INTEGER)
  expect(() => parseWholeNumber('9007199254740993')).toThrow(/not a safe integer/)
  if (testDatabaseKind() === 'postgres') {
    await expect(sql`select 9007199254740993::bigint as n`.execute(app.db)).rejects.toThrow(/not a safe integer/)
    expect((await sql<{ n: number }>`select 9007199254740991::bigint as n`.execute(app.db)).rows).toEqual([{ n: Number.MAX_SAFE_INTEGER }])
  }
})

const onPostgres = testDatabaseKind() === 'postgres' ? test : test.skip

onPostgres('PostgreSQL: a database that compares text by a language’s rules is refused at start, saying how to make one that does not', async () => {
  const name = `huzhu_icu_${process.pid}_${Date.now().toString(36)}`
  const admin = new Client({ connectionString: process.env.HUZHU_TEST_DATABASE_URL })
  await admin.connect()
  try {
    await admin.query(`create database ${name} template template0 locale_provider icu icu_locale 'en-US' locale 'C'`)
    await expect(openPostgres(databaseUrl(name))).rejects.toThrow(/collation.*LOCALE 'C' TEMPLATE template0/s)
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
})
