/**
 * Claim submission benchmark, on SQLite and on PostgreSQL in the same run: the real server process
 * (tsx src/main.ts, loopback, response checks off), 50 members each with a profile, consents, an
 * active enrolment, a payee account and photos of their own, then `POST /api/v1/claims` under
 * autocannon at 50 connections: every request a new claim (its own Idempotency-Key, its own photo,
 * the members in turn), the whole submit path (engine, flags, due date, history, message, outbox).
 * Prints claims per second and latency per database (goal: at least 300 claims/s on each).
 *
 *   npm run bench:claims                                  # 6,000 claims per database, 50 connections
 *   npm run bench:claims -- --claims 2000 --connections 20 --only sqlite --cpu-prof /tmp/profiles
 *
 * PostgreSQL: a fresh database on the cluster HUZHU_TEST_DATABASE_URL reaches (bench/databases.ts).
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import autocannon from 'autocannon'
import { openDatabaseTarget } from '@huzhu/server/src/db/open'
import { newId } from '@huzhu/server/src/ids'
import {
  addTestPayeeAccount, createTestEnrolment, fillProfile, giveMedicalConsent, inpatientClaim, loginAs, uploadPhoto, type TestUser,
} from '../../server/test/helpers'
import { newDataDir, serverEnv, startServerProcess } from '../../server/test/helpers/server-process'
import { processAsTestApp } from '../lib/process-app'
import { benchDatabase, benchKinds, numberArg, serverCommand, type BenchDatabaseKind } from './databases'
import { availableParallelism } from 'node:os'
import { cpuSeconds, machineCpuSeconds } from './process-cpu'
import { endpoints, pathOf } from '@huzhu/shared'

const CLAIMS = numberArg('claims', 6_000)
const CONNECTIONS = numberArg('connections', 50)
const MEMBERS = numberArg('members', 50)
const GOAL = 300

interface Submitter { member: TestUser; enrolmentId: string; payeeAccountId: string; uploads: string[] }

async function run(kind: BenchDatabaseKind): Promise<string> {
  const { dataDir, keys } = newDataDir()
  const database = await benchDatabase(kind, dataDir)
  const server = await startServerProcess(serverEnv(dataDir, { ...keys, ...database.env }), {
    label: `server on ${kind}`,
    command: serverCommand(),
  })
  const direct = await openDatabaseTarget(database.target, { readPoolSize: 1 })
  try {
    const app = processAsTestApp(server.api, direct, keys.HUZHU_DATA_KEY!)
    const perMember = Math.ceil(CLAIMS / MEMBERS) + 1
    const submitters: Submitter[] = []
    for (let i = 0; i < MEMBERS; i++) {
      const member = await loginAs(app)
      await fillProfile(app, member)
      await giveMedicalConsent(app, member)
      const { enrolmentId } = await createTestEnrolment(app, member)
      const payeeAccountId = await addTestPayeeAccount(app, member)
      // One photo through the API; the rest are rows like it (each its own bytes' hash), written directly.
      const first = await uploadPhoto(app, member)
      const like = await direct.db.selectFrom('uploads').selectAll().where('id', '=', first).executeTakeFirstOrThrow()
      const rows = Array.from({ length: perMember - 1 }, () => ({ ...like, id: newId('upl'), sha256: randomBytes(32).toString('hex') }))
      for (let r = 0; r < rows.length; r += 500) await direct.db.insertInto('uploads').values(rows.slice(r, r + 500)).execute()
      submitters.push({ member, enrolmentId, payeeAccountId, uploads: [first, ...rows.map((row) => row.id)] })
    }

    let sent = 0
    const runId = randomBytes(4).toString('hex')
    const started = performance.now()
    const cpuBefore = cpuSeconds(server.child.pid)
    const machineBefore = machineCpuSeconds()
    const ownBefore = process.cpuUsage()
    const result = await autocannon({
      url: server.baseUrl,
      connections: CONNECTIONS,
      amount: CLAIMS,
      requests: [{
        method: 'POST',
        path: pathOf(endpoints.claims.createClaim),
        setupRequest: (request) => {
          const n = sent++
          const s = submitters[n % submitters.length]!
          const uploadId = s.uploads[Math.floor(n / submitters.length)]!
          return {
            ...request,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${s.member.token}`, 'idempotency-key': `bench-${runId}-${n}` },
            body: JSON.stringify({ ...inpatientClaim(s.enrolmentId, [uploadId]), payeeAccountId: s.payeeAccountId }),
          }
        },
      }],
    })
    const seconds = (performance.now() - started) / 1000
    const perClaimMs = (cpuSecondsUsed: number) => (cpuSecondsUsed * 1000) / Math.max(result['2xx'], 1)
    const serverCpuMs = perClaimMs(cpuSeconds(server.child.pid) - cpuBefore)
    const own = process.cpuUsage(ownBefore)
    const loadCpuMs = perClaimMs((own.user + own.system) / 1e6)
    const machineCpuMs = perClaimMs(machineCpuSeconds() - machineBefore)
    const cores = availableParallelism()
    const made = Number((await direct.db.selectFrom('claims').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const rate = result['2xx'] / seconds
    if (result.non2xx > 0 || result.errors > 0 || made !== result['2xx']) process.exitCode = 1
    return [
      `${kind}: POST ${pathOf(endpoints.claims.createClaim)}, ${CONNECTIONS} connections, ${MEMBERS} members, ${CLAIMS.toLocaleString('en')} claims`,
      `  claims/s: ${rate.toFixed(0)} (${result['2xx']} answered 2xx in ${seconds.toFixed(1)} s; ${made} claims in the database; non-2xx ${result.non2xx}, errors ${result.errors})`,
      `  latency ms: p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`,
      `  server process CPU per claim: ${serverCpuMs.toFixed(2)} ms (so at most ${(1000 / serverCpuMs).toFixed(0)} claims/s per core it has to itself)`,
      `  the machine's CPU per claim: ${machineCpuMs.toFixed(2)} ms on its ${cores} cores (server ${serverCpuMs.toFixed(2)}, load generator ${loadCpuMs.toFixed(2)}, `
        + `the rest ${Math.max(0, machineCpuMs - serverCpuMs - loadCpuMs).toFixed(2)}${kind === 'postgres' ? ': PostgreSQL and whatever else ran' : ''}): `
        + `at most ${((cores * 1000) / machineCpuMs).toFixed(0)} claims/s on this machine at that cost`,
      `  goal ≥ ${GOAL} claims/s: ${rate >= GOAL ? 'met' : 'NOT met'}`,
    ].join('\n')
  } finally {
    await direct.close()
    await server.stop()
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const lines: string[] = []
  for (const kind of benchKinds()) {
    const line = await run(kind)
    console.log(line)
    lines.push(line)
  }
  console.log(`\nsummary\n${lines.join('\n')}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
