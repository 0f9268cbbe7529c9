import { CompiledQuery, sql, type KyselyPlugin } from 'kysely'
import { startTestApp, testDatabaseKind, type TestApp } from '../../../test/helpers'
import type { Db } from '../../db/open'
import { caseGroups } from '../transparency/transparency.repository'
import type { Population } from './population'
import { enrolledPeopleByUnit, rosterPeopleByUnit } from './units-figures.repository'

/**
 * How the database runs the figures that were over 1 s on a million claims
 * and enrolments (`npm run bench:dashboard`): the public page's paid cases
 * read one index alone (no claim's row looked up); each unit's people are
 * read in unit order from the index made for them and counted as they come
 * (SQLite: no temporary B-tree, nor one OR branch per plan year); a reader
 * has the page cache its look-ups need. The figures themselves are checked
 * against counts in dashboard.test.ts and transparency.test.ts.
 */
let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const postgres = testDatabaseKind() === 'postgres'

/** The queries `run` sends, compiled as the database receives them (not run). */
async function queriesOf(run: (db: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
  const seen: CompiledQuery[] = []
  const recorder: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      seen.push(app.readDb.getExecutor().compileQuery(node, queryId))
      return node
    },
    transformResult: async ({ result }) => result,
  }
  await run(app.readDb.withPlugin(recorder))
  return seen
}

/** The plan as text: SQLite's EXPLAIN QUERY PLAN; PostgreSQL's, told scans of the table and sorts cost too much (a test table is tiny). */
async function planOf(query: CompiledQuery): Promise<string> {
  if (!postgres) return JSON.stringify((await app.readDb.executeQuery(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]))).rows)
  return app.db.transaction().execute(async (trx) => {
    for (const off of ['enable_seqscan', 'enable_bitmapscan']) await sql`select set_config(${off}, 'off', true)`.execute(trx)
    return JSON.stringify((await trx.executeQuery(CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]))).rows)
  })
}

const planYear: Population = {
  catalogueId: null, planYear: 2024, region: null, unitIds: null, from: null, to: null,
  periods: [{ catalogueId: 'shanghai-2020', start: '2024-04-01', end: '2025-03-31' }, { catalogueId: 'shaanxi-gig-2023', start: '2024-01-01', end: '2024-12-31' }],
}
const everyone: Population = { catalogueId: null, planYear: null, periods: null, region: null, unitIds: null, from: null, to: null }

test('the public page’s paid cases read the claims from claims_dashboard alone', async () => {
  for (const digits of [4, 2] as const) {
    const [query] = await queriesOf((db) => caseGroups(db, { catalogueId: 'shaanxi-gig-2023', start: '2024-01-01', end: '2024-12-31' }, digits))
    const plan = await planOf(query!)
    if (postgres) {
      expect(plan).toMatch(/"Node Type":"Index Only Scan","Parent Relationship":"[A-Za-z]+","Parallel Aware":false,"Async Capable":false,"Scan Direction":"Forward","Index Name":"claims_dashboard"/)
    } else {
      expect(plan).toContain('USING COVERING INDEX claims_dashboard')
      expect(plan).not.toMatch(/USING INDEX claims_dashboard/)
    }
  }
})

test('each unit’s people are read in unit order from enrolments_unit_people and counted without a sort (SQLite)', async () => {
  if (postgres) return
  for (const p of [everyone, planYear]) {
    for (const figure of [enrolledPeopleByUnit, rosterPeopleByUnit]) {
      const [query] = await queriesOf((db) => figure(db, p))
      const plan = await planOf(query!)
      expect(plan).toContain('USING COVERING INDEX enrolments_unit_people')
      expect(plan).not.toContain('MULTI-INDEX OR')
      expect(plan).not.toContain('TEMP B-TREE')
    }
  }
})

test('a reader connection has 8 MB of page cache, for the people’s birth dates it looks up (SQLite)', async () => {
  if (postgres) return
  const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(app.readDb)
  expect(rows).toEqual([{ cache_size: -8192 }])
})
