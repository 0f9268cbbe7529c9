/**
 * Medical-insurance settlement benchmark (医保结算数据), on SQLite and PostgreSQL in the same run:
 * 100,000 insured persons each with an active Shanghai A0+B0+C0 enrolment and a submitted inpatient
 * claim (written by multi-row INSERTs), then 100,000 settlement records in two xlsx files of
 * 50,000 rows (the import's per-file limit) POSTed to the real server process
 * (`POST /api/v1/medical-records`): every record checked, stored, and every claim matched and
 * approved straight through. Reports the wall time of the two imports (target < 30 s) and the
 * server's peak resident memory (VmHWM, target < 500 MB). Then one member submits a claim over
 * HTTP whose figures match a record: submit to approved straight through (target < 1 s).
 *
 *   npm run bench:settlements                      # both databases, 100,000 records and claims
 *   npm run bench:settlements -- --records 20000 --only sqlite
 *   npm run bench:settlements -- --records 20000 --only sqlite --cpu-prof /tmp/prof   # the server's CPU profile
 *   npm run bench:settlements -- --only postgres --no-analyze   # PostgreSQL without planner statistics of the seeded rows
 */
import { readFileSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { addDays, builtInCatalogues, endpoints, idCheckCharacter, medicalRecordColumns, pathOf, quote, toSelection } from '@huzhu/shared'
import { systemClock } from '@huzhu/server/src/clock'
import { createDataProtector } from '@huzhu/server/src/crypto/protector'
import { hashIdNumber } from '@huzhu/server/src/crypto/personal-data'
import { migrateToLatest } from '@huzhu/server/src/db/migrate'
import { openDatabaseTarget, type Db } from '@huzhu/server/src/db/open'
import type { CatalogueStore } from '@huzhu/server/src/features/catalogues/catalogue-store'
import { reassessClaim } from '@huzhu/server/src/features/claims/claim-assessment.service'
import { newId } from '@huzhu/server/src/ids'
import { claimant, inpatientClaim, postClaim } from '../../server/test/helpers/claims'
import { loginAs } from '../../server/test/helpers/login'
import { uploadPhoto } from '../../server/test/helpers/uploads'
import { newDataDir, SERVER_FIXED_CODE, serverEnv, startServerProcess, type ServerProcess } from '../../server/test/helpers/server-process'
import type { TestApp } from '../../server/test/helpers/test-app'
import { benchDatabase, benchKinds, numberArg, serverCommand, type BenchDatabase } from './databases'
import { cpuSeconds } from './process-cpu'

const RECORDS = numberArg('records', 100_000)
const PER_FILE = 50_000
const ROWS = 500
const NOW = new Date().toISOString()
const FIGURES = { totalCostFen: 1_500_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000 }
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The i-th made-up resident ID number: a region per thousand, born 1990-01-01, the order within the thousand. */
function idNumber(i: number): string {
  const first17 = `${120100 + Math.floor(i / 1000)}19900101${String(i % 1000).padStart(3, '0')}`
  return first17 + idCheckCharacter(first17)
}
const admittedOn = (i: number) => addDays('2020-06-01', i % 200)

async function insertRows(db: Db, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS) await db.insertInto(table as never).values(rows.slice(i, i + ROWS) as never).execute()
}

/** RECORDS people, each with an active enrolment and a submitted inpatient claim whose estimate is the engine's. */
async function seed(db: Db, hashOf: (id: string) => string): Promise<void> {
  const catalogue = builtInCatalogues().get('shanghai-2020')!
  const q = quote(catalogue, { selection: toSelection(['A0', 'B0', 'C0']), mode: 'collective', acceptedOn: '2020-03-20' })
  if (!q.ok) throw new Error('quote failed')
  await db.insertInto('users').values({ id: 'usr_settle', created_at: NOW } as never).execute()
  const persons: object[] = []
  const enrolments: object[] = []
  for (let i = 0; i < RECORDS; i++) {
    persons.push({ id: `ins_s${i}`, id_number_hash: hashOf(idNumber(i)), id_number_ciphertext: 'v1.bench', name: '会员', sex: 'M', birth_date: '1990-01-01', basic_medical_insurance: 1, created_at: NOW, updated_at: NOW })
    enrolments.push({
      id: `enr_s${i}`, insured_person_id: `ins_s${i}`, catalogue_id: catalogue.id, mode: 'collective', status: 'active', products: '["A0","B0","C0"]', accepted_on: q.value.acceptedOn,
      start_on: q.value.start, end_on: q.value.end, cover_from: JSON.stringify(q.value.coverFrom), premium_fen: q.value.premiumFen, premium_lines: JSON.stringify(q.value.lines),
      funding_source: 'unit', created_at: NOW, updated_at: NOW,
    })
  }
  await insertRows(db, 'insured_persons', persons)
  await insertRows(db, 'enrolments', enrolments)
  const claim = (i: number, estimateFen: number, lines: string) => ({
    id: `clm_s${String(i).padStart(7, '0')}`, member_user_id: 'usr_settle', enrolment_id: `enr_s${i}`, insured_person_id: `ins_s${i}`, catalogue_id: catalogue.id, kind: 'inpatient',
    event_date: admittedOn(i), diagnosis: '诊断', hospital: '医院', figures: JSON.stringify(FIGURES), invoice_numbers: '[]', status: 'submitted', submitted_at: NOW, last_material_at: NOW,
    due_on: '2030-01-01', due_on_provisional: 0, estimate_fen: estimateFen, estimate_lines: lines, flags: '[]', flagged: 0, decision: null, approved_fen: null, decided_by: null,
    payee_account_id: null, payment_batch_id: null, payment_reference: null, paid_at: null, created_at: NOW, updated_at: NOW,
  })
  // The engine's estimate of the first claim is every claim's (the same cover and figures).
  await insertRows(db, 'claims', [claim(0, 0, '[]')])
  const store: CatalogueStore = { list: () => [...builtInCatalogues().values()], get: (id: string) => builtInCatalogues().get(id) } as unknown as CatalogueStore
  const first = await db.selectFrom('claims').selectAll().where('id', '=', claim(0, 0, '').id).executeTakeFirstOrThrow()
  const { payout } = await reassessClaim(db, store, first)
  const lines = JSON.stringify(payout.lines)
  await db.updateTable('claims').set({ estimate_fen: payout.totalFen, estimate_lines: lines }).where('id', '=', first.id).execute()
  const rest: object[] = []
  for (let i = 1; i < RECORDS; i++) rest.push(claim(i, payout.totalFen, lines))
  await insertRows(db, 'claims', rest)
}

/** The settlement records as xlsx files of at most PER_FILE rows (written as a stream). */
async function writeFiles(dir: string): Promise<string[]> {
  const files: string[] = []
  for (let start = 0; start < RECORDS; start += PER_FILE) {
    const file = join(dir, `settlements-${start}.xlsx`)
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
    const sheet = workbook.addWorksheet('结算')
    sheet.addRow([...medicalRecordColumns]).commit()
    for (let i = start; i < Math.min(RECORDS, start + PER_FILE); i++) {
      sheet.addRow([idNumber(i), '医院', admittedOn(i), addDays(admittedOn(i), 5), 15000, 8000, 2000, 0]).commit()
    }
    sheet.commit()
    await workbook.commit()
    files.push(file)
  }
  return files
}

async function run(database: BenchDatabase, dataDir: string, keys: Record<string, string>): Promise<string[]> {
  const protector = createDataProtector(Buffer.from(keys.HUZHU_DATA_KEY!, 'base64'))
  const opened = await openDatabaseTarget(database.target, { readPoolSize: 1 })
  let server: ServerProcess | undefined
  try {
    await migrateToLatest(opened.db)
    let t = performance.now()
    await seed(opened.db, (id) => hashIdNumber(protector, id))
    // A live PostgreSQL database has its planner statistics (autovacuum analyzes a table after a tenth of it changes);
    // 300,000 rows written a second ago have none yet, and the planner then scans every claim for each part of the import.
    if (database.kind === 'postgres' && !process.argv.includes('--no-analyze')) await sql`analyze`.execute(opened.db)
    console.log(`${database.kind}: ${RECORDS.toLocaleString('en')} people, enrolments and submitted claims in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    const files = await writeFiles(dataDir)
    server = await startServerProcess(serverEnv(dataDir, { ...database.env, ...keys }), { label: `server on ${database.kind}`, command: serverCommand() })
    const app = { api: server.api, db: opened.db, clock: systemClock, protector, config: { sms: { fixedCode: SERVER_FIXED_CODE } } } as unknown as TestApp
    const staff = await loginAs(app, { roles: ['staff'] })
    const before = await server.peakRss()

    t = performance.now()
    const cpuBefore = cpuSeconds(server.child.pid)
    const perFile: string[] = []
    for (const file of files) {
      const [fileStart, fileCpu] = [performance.now(), cpuSeconds(server.child.pid)]
      const res = await server.api.request('POST', pathOf(endpoints.medicalRecords.importMedicalRecords), undefined, { token: staff.token, headers: { 'content-type': XLSX }, rawBody: readFileSync(file) })
      if (res.status !== 201) throw new Error(`import answered ${res.status}: ${res.text.slice(0, 500)}`)
      perFile.push(`${((performance.now() - fileStart) / 1000).toFixed(1)} s (server CPU ${(cpuSeconds(server.child.pid) - fileCpu).toFixed(1)} s)`)
    }
    const importSeconds = (performance.now() - t) / 1000
    const serverCpu = cpuSeconds(server.child.pid) - cpuBefore
    const peak = await server.peakRss()
    const approved = await opened.db.selectFrom('claims').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'approved').where('decided_by', 'is', null).where('id', 'like', 'clm_s%').executeTakeFirstOrThrow()

    // One member's claim, submitted over HTTP, whose figures match a record already imported.
    const member = await claimant(app)
    const profile = await opened.db.selectFrom('member_profiles').select('id_number_hash').where('user_id', '=', member.id).executeTakeFirstOrThrow()
    await opened.db.insertInto('medical_records').values({
      id: newId('mdr'), import_id: 'mri_bench', id_number_hash: profile.id_number_hash, hospital: '西安市第一医院', admitted_on: '2020-06-01', discharged_on: '2020-06-06',
      total_cost_fen: FIGURES.totalCostFen, pooled_out_of_pocket_fen: FIGURES.pooledOutOfPocketFen, supplementary_out_of_pocket_fen: FIGURES.supplementaryOutOfPocketFen,
      deductible_fen: 0, imported_by: staff.id, imported_at: NOW,
    }).execute()
    const uploadId = await uploadPhoto(app, member)
    t = performance.now()
    const res = await postClaim(app, member, inpatientClaim(member.enrolmentId, [uploadId]))
    const submitMs = performance.now() - t
    if (res.status !== 201) throw new Error(`claims answered ${res.status}: ${res.text}`)
    const submitted = res.body as { id: string }
    const status = (await opened.db.selectFrom('claims').select(['status', 'decided_by']).where('id', '=', submitted.id).executeTakeFirstOrThrow())
    return [
      `${database.kind}: ${RECORDS.toLocaleString('en')} settlement records in ${files.length} files imported and matched against ${RECORDS.toLocaleString('en')} claims in ${importSeconds.toFixed(1)} s (target < 30 s: ${importSeconds < 30 ? 'met' : 'NOT met'})`,
      `  server CPU for the imports: ${serverCpu.toFixed(1)} s; per file: ${perFile.join(', ')}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      `  claims approved straight through: ${Number(approved.n).toLocaleString('en')} of ${RECORDS.toLocaleString('en')}`,
      `  server peak RSS: ${(peak / 1048576).toFixed(0)} MB (before the imports ${(before / 1048576).toFixed(0)} MB; target < 500 MB: ${peak < 500 * 1048576 ? 'met' : 'NOT met'})`,
      `  one matched claim, POST ${pathOf(endpoints.claims.createClaim)} to approved: ${submitMs.toFixed(0)} ms, status ${status.status}${status.decided_by === null && status.status === 'approved' ? ' (straight through)' : ''} (target < 1 s: ${submitMs < 1000 && status.status === 'approved' ? 'met' : 'NOT met'})`,
    ]
  } finally {
    await server?.stop()
    await opened.close()
  }
}

async function main(): Promise<void> {
  const out: string[] = []
  for (const kind of benchKinds()) {
    const { dataDir, keys } = newDataDir()
    const database = await benchDatabase(kind, dataDir)
    try {
      const lines = await run(database, dataDir, keys)
      console.log(lines.join('\n'))
      out.push(...lines)
    } finally {
      await database.drop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  if (out.some((l) => l.includes('NOT met'))) process.exitCode = 1
  console.log(`\nsummary\n${out.join('\n')}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
