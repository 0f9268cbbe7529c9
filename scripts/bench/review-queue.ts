/**
 * Reviewer-queue benchmark: a SQLite file with 1,000,000 claims, then the
 * queue's first page (`GET /api/v1/review/claims?limit=20`, default filter:
 * submitted and in review, by due date) through real HTTP against the real
 * server process, with autocannon for ~10 s. Prints p50/p99 (target p99 < 50 ms).
 *
 *   npm run bench:queue                       # 1,000,000 claims, 10 s, 10 connections
 *   npm run bench:queue -- --claims 200000 --seconds 5 --connections 4 --max-generate-seconds 120 --keep
 *
 * Loopback only; generation stops at --max-generate-seconds (default 240) with
 * whatever it has inserted, and says so.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { builtInCatalogues, fromDayNumber, quote, toDayNumber, toSelection } from '@huzhu/shared'
import { migrateToLatest } from '@huzhu/server/src/db/migrate'
import { openDatabase } from '@huzhu/server/src/db/open'
import { execNative, openNative, prepareNative, runNative, closeNative, type NativeDatabase } from '@huzhu/server/src/db/sqlite/native'
import { newId } from '@huzhu/server/src/ids'
import { serverEnv, signIn, startServerProcess } from '../../server/test/helpers/server-process'
import { seededRandom } from '../lib/random'

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const CLAIMS = arg('claims', 1_000_000)
const SECONDS = arg('seconds', 10)
const CONNECTIONS = arg('connections', 10)
const MAX_GENERATE_SECONDS = arg('max-generate-seconds', 240)
const KEEP = process.argv.includes('--keep')
const PERSONS = 2_000
const ROWS_PER_STATEMENT = 200

const CLAIM_COLUMNS = [
  'id', 'member_user_id', 'enrolment_id', 'insured_person_id', 'catalogue_id', 'kind', 'event_date', 'diagnosis', 'hospital', 'figures',
  'invoice_numbers', 'status', 'submitted_at', 'last_material_at', 'due_on', 'estimate_fen', 'estimate_lines', 'flags', 'flagged',
  'decision', 'approved_fen', 'decided_by', 'payment_batch_id', 'payment_reference', 'paid_at', 'created_at', 'updated_at',
] as const

/** Status mix of a system that has run for a while: most claims paid, about one in ten waiting for a reviewer. */
const STATUS_MIX: [string, number][] = [['paid', 0.72], ['approved', 0.05], ['rejected', 0.06], ['withdrawn', 0.03], ['needs_material', 0.03], ['in_review', 0.03], ['submitted', 0.08]]
const KINDS = ['inpatient', 'outpatient_serious', 'family_sickbed', 'critical_illness', 'accident_disability', 'accident_death', 'disease_death']

function pickStatus(x: number): string {
  let sum = 0
  for (const [status, share] of STATUS_MIX) {
    sum += share
    if (x < sum) return status
  }
  return 'paid'
}

async function insertMany(db: NativeDatabase, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT)
    const stmt = await prepareNative(db, `insert into ${table} (${columns.join(', ')}) values ${chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`)
    await runNative(stmt, chunk.flat())
    stmt.finalize()
  }
}

/** People, accounts and enrolments the claims hang on (foreign keys are on). */
async function seedPeople(db: NativeDatabase): Promise<{ userIds: string[]; personIds: string[]; enrolmentIds: string[] }> {
  const catalogue = builtInCatalogues().get('shanghai-2020')!
  const q = quote(catalogue, { selection: toSelection(['A0', 'B0', 'C0']), mode: 'collective', acceptedOn: '2020-03-20' })
  if (!q.ok) throw new Error('quote failed')
  const now = new Date('2026-11-25T00:00:00Z')
  const iso = now.toISOString()
  const userIds: string[] = []
  const personIds: string[] = []
  const enrolmentIds: string[] = []
  const users: unknown[][] = []
  const persons: unknown[][] = []
  const enrolments: unknown[][] = []
  for (let i = 0; i < PERSONS; i++) {
    const userId = newId('usr', now)
    const personId = newId('ins', now)
    const enrolmentId = newId('enr', now)
    userIds.push(userId)
    personIds.push(personId)
    enrolmentIds.push(enrolmentId)
    users.push([userId, iso])
    persons.push([personId, `bench-hash-${i}`, 'v1.bench', `会员${i}`, i % 2 ? 'M' : 'F', '1990-01-01', 1, iso, iso])
    enrolments.push([enrolmentId, personId, 'shanghai-2020', 'collective', 'active', '["A0","B0","C0"]', q.value.acceptedOn, q.value.start, q.value.end,
      JSON.stringify(q.value.coverFrom), q.value.premiumFen, JSON.stringify(q.value.lines), 'unit', iso, iso])
  }
  await insertMany(db, 'users', ['id', 'created_at'], users)
  await insertMany(db, 'insured_persons', ['id', 'id_number_hash', 'id_number_ciphertext', 'name', 'sex', 'birth_date', 'basic_medical_insurance', 'created_at', 'updated_at'], persons)
  await insertMany(db, 'enrolments', ['id', 'insured_person_id', 'catalogue_id', 'mode', 'status', 'products', 'accepted_on', 'start_on', 'end_on', 'cover_from', 'premium_fen', 'premium_lines', 'funding_source', 'created_at', 'updated_at'], enrolments)
  return { userIds, personIds, enrolmentIds }
}

/** Inserts the claims in one transaction with one prepared multi-row statement, until the count or the time cap. */
async function seedClaims(db: NativeDatabase, people: Awaited<ReturnType<typeof seedPeople>>): Promise<number> {
  const random = seededRandom(1_000_000)
  const stmt = await prepareNative(db, `insert into claims (${CLAIM_COLUMNS.join(', ')}) values ${Array.from({ length: ROWS_PER_STATEMENT }, () => `(${CLAIM_COLUMNS.map(() => '?').join(', ')})`).join(', ')}`)
  const lines = JSON.stringify([{ product: 'A0', productName: '在职住院', benefit: 'inpatient', benefitName: '住院', part: 'pooled', amountFen: 480000, rule: 'percent_of_out_of_pocket', refusal: null, reason: '统筹段 8,000.00 × 60%' }])
  const start = toDayNumber('2024-11-25')
  const deadline = Date.now() + MAX_GENERATE_SECONDS * 1000
  let inserted = 0
  while (inserted + ROWS_PER_STATEMENT <= CLAIMS && Date.now() < deadline) {
    const params: unknown[] = []
    for (let r = 0; r < ROWS_PER_STATEMENT; r++) {
      const p = random.int(0, PERSONS - 1)
      const day = start + Math.floor(((inserted + r) / CLAIMS) * 730) // submitted over two years, in id order
      const submitted = new Date(`${fromDayNumber(day)}T03:00:00Z`)
      const status = pickStatus(random.next())
      const decided = ['approved', 'paid'].includes(status)
      const iso = submitted.toISOString()
      params.push(
        newId('clm', submitted), people.userIds[p], people.enrolmentIds[p], people.personIds[p], 'shanghai-2020', random.pick(KINDS),
        fromDayNumber(day - random.int(3, 60)), '诊断', null, '{"pooledOutOfPocketFen":800000}', '[]', status, iso, iso,
        fromDayNumber(day + 14), 480000, lines, '[]', random.chance(0.05) ? 1 : 0,
        decided ? '{"decision":"approve"}' : null, decided ? 480000 : null, null, null,
        status === 'paid' ? `BENCH-${inserted + r}` : null, status === 'paid' ? iso : null, iso, iso,
      )
    }
    await runNative(stmt, params)
    inserted += ROWS_PER_STATEMENT
    if (inserted % 100_000 === 0) process.stdout.write(`  ${inserted.toLocaleString('en')} claims\n`)
  }
  stmt.finalize()
  return inserted
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huzhu-bench-queue-'))
  const file = join(dataDir, 'huzhu.sqlite')
  const opened = await openDatabase(file)
  await migrateToLatest(opened.db)
  await opened.close()

  const t0 = performance.now()
  const native = await openNative(file, 'readwrite')
  await execNative(native, 'pragma journal_mode = wal; pragma synchronous = off; pragma foreign_keys = on; pragma cache_size = -200000')
  await execNative(native, 'begin')
  const people = await seedPeople(native)
  const inserted = await seedClaims(native, people)
  await execNative(native, 'commit')
  await execNative(native, 'pragma wal_checkpoint(truncate)')
  const generateSeconds = (performance.now() - t0) / 1000
  console.log(`generated ${inserted.toLocaleString('en')} claims (${PERSONS} people) in ${generateSeconds.toFixed(1)} s${inserted < CLAIMS ? ` — stopped by the ${MAX_GENERATE_SECONDS} s cap` : ''}`)

  const server = await startServerProcess(serverEnv(dataDir))
  const base = server.baseUrl
  try {
    const phone = '13900000001'
    const token = await signIn(server.api, phone)
    const me = await server.api.get<{ id: string }>('/api/v1/me', { token })
    await execNative(native, `insert into role_grants (id, user_id, role, unit_id, granted_at) values ('${newId('rol')}', '${me.body.id}', 'reviewer', null, '${new Date().toISOString()}')`)
    const path = '/api/v1/review/claims?limit=20'
    const headers = { authorization: `Bearer ${token}` }
    const first = await fetch(`${base}${path}`, { headers })
    const page = (await first.json()) as { claims: { dueOn: string; status: string }[]; nextCursor: string | null }
    if (first.status !== 200 || page.claims.length !== 20 || !page.nextCursor) throw new Error(`unexpected first page: ${first.status} ${JSON.stringify(page).slice(0, 300)}`)
    console.log(`first page: 20 claims due ${page.claims[0]!.dueOn} … ${page.claims[19]!.dueOn}, statuses ${[...new Set(page.claims.map((c) => c.status))].join('/')}`)

    const result = await autocannon({ url: `${base}${path}`, headers, connections: CONNECTIONS, duration: SECONDS })
    const { latency, requests, non2xx, errors } = result
    console.log(`GET ${path} — ${CONNECTIONS} connections, ${SECONDS} s, ${inserted.toLocaleString('en')} claims in the database`)
    console.log(`  requests/s: ${requests.average.toFixed(0)} (total ${requests.total}, non-2xx ${non2xx}, errors ${errors})`)
    console.log(`  latency ms: p50 ${latency.p50}  p90 ${latency.p90}  p99 ${latency.p99}  max ${latency.max}`)
    console.log(`  target p99 < 50 ms: ${latency.p99 < 50 ? 'met' : 'NOT met'}`)
    if (non2xx > 0 || errors > 0) process.exitCode = 1
  } finally {
    await closeNative(native)
    await server.stop()
    if (KEEP) console.log(`kept ${dataDir}`)
    else rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
