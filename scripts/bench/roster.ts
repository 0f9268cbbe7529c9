/**
 * Roster benchmark, on SQLite and on PostgreSQL in the same run: a generated 1,000,000-row roster
 * (every row good) uploaded to the real server over loopback HTTP, checked, then imported, each
 * upload in one transaction; the same files to a fresh server and database of each kind. Prints
 * seconds per step and the server's peak resident memory for each.
 * Targets (issue 10): check + import under 2 minutes, peak under 500 MB.
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
import { readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createAdminFor, newDataDir, serverEnv, signIn, startServerProcess } from '../../server/test/helpers/server-process'
import { MAX_ROSTER_ROWS } from '@huzhu/shared'
import { writeLargeRoster, XLSX } from '../../server/test/helpers/rosters'
import { benchDatabase, benchKinds, serverCommand, type BenchDatabaseKind } from './databases'

const rows = /^\d+$/.test(process.argv[2] ?? '') ? Number(process.argv[2]) : 1_000_000
const MB = 1024 * 1024
const TARGET_SECONDS = 120
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
    const unit = await server.api.post('/api/v1/units', { name: '基准测试站点' }, { token })
    let checkSeconds = 0
    let importSeconds = 0
    let imported = 0
    for (const [i, part] of parts.entries()) {
      const body = readFileSync(part.file)
      let t = performance.now()
      const upload = await server.api.request('POST', `/api/v1/units/${unit.body.id}/rosters?catalogueId=shaanxi-gig-2023`, undefined, {
        token, rawBody: new Uint8Array(body), headers: { 'content-type': XLSX },
      })
      const check = (performance.now() - t) / 1000
      if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${upload.text.slice(0, 500)}`)
      if (upload.body.errors.length > 0) throw new Error(`the generated roster has errors: ${JSON.stringify(upload.body.errors.slice(0, 5))}`)
      t = performance.now()
      const done = await server.api.post(`/api/v1/units/${unit.body.id}/rosters/${upload.body.id}/import`, {}, { token })
      const importing = (performance.now() - t) / 1000
      if (done.status !== 200) throw new Error(`import: ${done.status} ${done.text.slice(0, 500)}`)
      checkSeconds += check
      importSeconds += importing
      imported += done.body.importedCount as number
      if (parts.length > 1) console.log(`  ${kind} part ${i + 1}/${parts.length}: ${part.rows.toLocaleString('en')} rows, upload + check ${check.toFixed(2)} s, import ${importing.toFixed(2)} s`)
    }
    const peak = await server.peakRss()
    const total = checkSeconds + importSeconds
    if (total >= TARGET_SECONDS || peak >= 500 * MB) process.exitCode = 1
    return [
      `${kind}: ${rows.toLocaleString('en')} rows in ${parts.length} upload${parts.length > 1 ? 's' : ''}`,
      `  upload + check: ${checkSeconds.toFixed(2)} s`,
      `  import (one transaction per upload): ${importSeconds.toFixed(2)} s (${imported.toLocaleString('en')} enrolments)`,
      `  total ${total.toFixed(2)} s (target < ${TARGET_SECONDS} s): ${total < TARGET_SECONDS ? 'ok' : 'MISSED'}`,
      `  server peak RSS ${(peak / MB).toFixed(0)} MB (target < 500 MB): ${peak < 500 * MB ? 'ok' : 'MISSED'}`,
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
