/**
 * Roster benchmark: a generated 100,000-row roster (every row good) uploaded to
 * the real server over loopback HTTP, checked, then imported in one transaction.
 * Prints seconds per step and the server's peak resident memory.
 * Targets (issue 3): check + import under 20 s, peak under 500 MB.
 *
 *   npm run bench:roster            # 100,000 rows
 *   npm run bench:roster -- 20000   # fewer
 */
import { readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createAdminFor, newDataDir, serverEnv, signIn, startServerProcess } from '../../server/test/helpers/server-process'
import { writeLargeRoster, XLSX } from '../../server/test/helpers/rosters'

const rows = Number(process.argv[2] ?? 100_000)
const MB = 1024 * 1024

async function main(): Promise<void> {
  const { dataDir, keys } = newDataDir()
  const env = serverEnv(dataDir, keys)
  const file = join(dataDir, 'bench-roster.xlsx')
  let t = performance.now()
  await writeLargeRoster(file, rows)
  console.log(`generated ${rows.toLocaleString('en')} rows: ${(statSync(file).size / MB).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  await createAdminFor(env, '13800009999')
  const server = await startServerProcess(env)
  const deadline = setTimeout(() => {
    console.error('bench:roster: gave up after 180 s')
    void server.kill('SIGKILL').then(() => process.exit(1))
  }, 180_000)
  try {
    const token = await signIn(server.api, '13800009999')
    const unit = await server.api.post('/api/v1/units', { name: '基准测试站点' }, { token })
    const body = readFileSync(file)
    t = performance.now()
    const upload = await server.api.request('POST', `/api/v1/units/${unit.body.id}/rosters?catalogueId=shaanxi-gig-2023`, undefined, {
      token, rawBody: new Uint8Array(body), headers: { 'content-type': XLSX },
    })
    const checkSeconds = (performance.now() - t) / 1000
    if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${upload.text.slice(0, 500)}`)
    console.log(`upload + check: ${checkSeconds.toFixed(2)} s (${upload.body.validCount} valid, ${upload.body.errors.length} errors)`)
    t = performance.now()
    const imported = await server.api.post(`/api/v1/units/${unit.body.id}/rosters/${upload.body.id}/import`, {}, { token })
    const importSeconds = (performance.now() - t) / 1000
    if (imported.status !== 200) throw new Error(`import: ${imported.status} ${imported.text.slice(0, 500)}`)
    console.log(`import (one transaction): ${importSeconds.toFixed(2)} s (${imported.body.importedCount} enrolments, premium ${imported.body.premiumFen} fen)`)
    const peak = await server.peakRss()
    const total = checkSeconds + importSeconds
    console.log(`total ${total.toFixed(2)} s (target < 20 s): ${total < 20 ? 'ok' : 'MISSED'}`)
    console.log(`server peak RSS ${(peak / MB).toFixed(0)} MB (target < 500 MB): ${peak < 500 * MB ? 'ok' : 'MISSED'}`)
  } finally {
    clearTimeout(deadline)
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
