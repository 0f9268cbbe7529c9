/**
 * Roster benchmark, on SQLite and on PostgreSQL in the same run: a generated 1,000,000-row roster
 * (every row good) uploaded to the real server over loopback HTTP, checked, then imported, each
 * upload in one transaction; the same files to a fresh server and database of each kind. Prints
 * seconds per step and the server's peak resident memory for each, and beside it the floor
 * (bench/roster-floor.ts): the same files read with exceljs's streaming reader and the same person
 * and enrolment rows inserted into a fresh database of the same kind, one transaction per file.
 * Targets: check + import under 2 minutes, peak under 500 MB (issue 10); at most 2× the floor (issue 13).
 *
 * One upload holds at most MAX_ROSTER_ROWS (100,000) rows, as the server allows (a bigger file is
 * told to split itself: `roster_too_many_rows`); a larger roster is sent as that many parts, one
 * after another, as an office would, and the figures are for all of them.
 *
 *   npm run bench:roster                      # 1,000,000 rows, both databases
 *   npm run bench:roster -- 100000            # fewer
 *   npm run bench:roster -- 100000 --only postgres --cpu-prof /tmp/profiles
 *
 * PostgreSQL: a fresh database on the cluster HUZHU_TEST_DATABASE_URL reaches (bench/databases.ts).
 */
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createAdminFor, newDataDir, serverEnv, signIn, startServerProcess } from '../../server/test/helpers/server-process'
import { endpoints, MAX_ROSTER_ROWS, pathOf } from '@huzhu/shared'
import { writeLargeRoster, XLSX } from '../../server/test/helpers/rosters'
import { benchDatabase, benchKinds, serverCommand, type BenchDatabaseKind } from './databases'
import { cpuSeconds } from './process-cpu'
import { rosterFloor } from './roster-floor'

const rows = /^\d+$/.test(process.argv[2] ?? '') ? Number(process.argv[2]) : 1_000_000
const MB = 1024 * 1024
const TARGET_SECONDS = 120
const FLOOR_RATIO = 2
const GIVE_UP_SECONDS = 900

interface PartFile { file: string; rows: number }

async function run(kind: BenchDatabaseKind, parts: readonly PartFile[]): Promise<string> {
  const { dataDir, keys } = newDataDir()
  const database = await benchDatabase(kind, dataDir)
  const env = serverEnv(dataDir, { ...keys, ...database.env })
  await createAdminFor(env, '13800009999')
  const server = await startServerProcess(env, { label: `server on ${kind}`, command: serverCommand() })
  const deadline = setTimeout(() => {
    console.error(`bench:roster: gave up after ${GIVE_UP_SECONDS} s on ${kind}`)
    void server.kill('SIGKILL').then(() => process.exit(1))
  }, GIVE_UP_SECONDS * 1000)
  try {
    const token = await signIn(server.api, '13800009999')
    const unit = await server.api.post(pathOf(endpoints.units.createUnit), { name: '基准测试站点' }, { token })
    const cpuBefore = cpuSeconds(server.child.pid)
    let checkSeconds = 0
    let importSeconds = 0
    let imported = 0
    for (const [i, part] of parts.entries()) {
      const body = readFileSync(part.file)
      let t = performance.now()
      const upload = await server.api.request('POST', pathOf(endpoints.rosters.uploadRoster, { unitId: unit.body.id }, { catalogueId: 'shaanxi-gig-2023' }), undefined, {
        token, rawBody: new Uint8Array(body), headers: { 'content-type': XLSX },
      })
      const check = (performance.now() - t) / 1000
      if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${upload.text.slice(0, 500)}`)
      if (upload.body.errors.length > 0) throw new Error(`the generated roster has errors: ${JSON.stringify(upload.body.errors.slice(0, 5))}`)
      t = performance.now()
      const done = await server.api.post(pathOf(endpoints.rosters.importRoster, { unitId: unit.body.id, rosterId: upload.body.id }), {}, { token })
      const importing = (performance.now() - t) / 1000
      if (done.status !== 200) throw new Error(`import: ${done.status} ${done.text.slice(0, 500)}`)
      checkSeconds += check
      importSeconds += importing
      imported += done.body.importedCount as number
      if (parts.length > 1) console.log(`  ${kind} part ${i + 1}/${parts.length}: ${part.rows.toLocaleString('en')} rows, upload + check ${check.toFixed(2)} s, import ${importing.toFixed(2)} s`)
    }
    const peak = await server.peakRss()
    const serverCpu = cpuSeconds(server.child.pid) - cpuBefore
    const total = checkSeconds + importSeconds
    await server.stop()
    // The floor on a database of its own (its own SQLite file), with the server stopped.
    const floorDir = join(dataDir, 'floor')
    mkdirSync(floorDir)
    const floorDatabase = await benchDatabase(kind, floorDir)
    const floorCpuBefore = cpuSeconds(process.pid)
    const floor = await rosterFloor(floorDatabase, parts.map((p) => p.file), keys.HUZHU_DATA_KEY!).finally(() => floorDatabase.drop())
    const floorCpu = cpuSeconds(process.pid) - floorCpuBefore
    const ratio = total / floor.seconds
    if (total >= TARGET_SECONDS || peak >= 500 * MB || ratio > FLOOR_RATIO) process.exitCode = 1
    return [
      `${kind}: ${rows.toLocaleString('en')} rows in ${parts.length} upload${parts.length > 1 ? 's' : ''}`,
      `  upload + check: ${checkSeconds.toFixed(2)} s`,
      `  import (one transaction per upload): ${importSeconds.toFixed(2)} s (${imported.toLocaleString('en')} enrolments)`,
      `  total ${total.toFixed(2)} s (target < ${TARGET_SECONDS} s): ${total < TARGET_SECONDS ? 'ok' : 'MISSED'}; server process CPU ${serverCpu.toFixed(1)} s (${((serverCpu * 1e6) / rows).toFixed(0)} µs a row)`,
      `  server peak RSS ${(peak / MB).toFixed(0)} MB (target < 500 MB): ${peak < 500 * MB ? 'ok' : 'MISSED'}`,
      `  floor (exceljs streaming read + the same person and enrolment rows inserted, one transaction per file): ${floor.seconds.toFixed(2)} s for ${floor.rows.toLocaleString('en')} rows; its process CPU ${floorCpu.toFixed(1)} s`,
      `  roster / floor: ${ratio.toFixed(2)}× the time (target ≤ ${FLOOR_RATIO}×): ${ratio <= FLOOR_RATIO ? 'ok' : 'MISSED'}; ${(serverCpu / floorCpu).toFixed(2)}× the CPU`,
    ].join('\n')
  } finally {
    clearTimeout(deadline)
    await server.stop()
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const kinds = benchKinds()
  const { dataDir } = newDataDir()
  try {
    const t = performance.now()
    const parts: PartFile[] = []
    for (let done = 0; done < rows; done += MAX_ROSTER_ROWS) {
      const part = { file: join(dataDir, `bench-roster-${parts.length + 1}.xlsx`), rows: Math.min(MAX_ROSTER_ROWS, rows - done) }
      await writeLargeRoster(part.file, part.rows)
      parts.push(part)
    }
    const size = parts.reduce((sum, p) => sum + statSync(p.file).size, 0)
    console.log(`generated ${rows.toLocaleString('en')} rows in ${parts.length} file(s): ${(size / MB).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    const lines: string[] = []
    for (const kind of kinds) {
      const line = await run(kind, parts)
      console.log(line)
      lines.push(line)
    }
    console.log(`\nsummary\n${lines.join('\n')}`)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
