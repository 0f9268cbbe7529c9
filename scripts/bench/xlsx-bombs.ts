/**
 * xlsx bomb benchmark (issue 8, item 3): ten parallel roster uploads of a 5.5 MB
 * xlsx with 1.9 M shared strings (186 MB of XML inflated, inside the zip
 * checks' limits), then a zip that lies about its size (declares 500 KB,
 * inflates to 300 MB), against the real server process over loopback.
 * Prints each answer, whether the server is still up and its peak resident
 * memory (target: up, under 1 GB).
 *
 *   npm run bench:xlsx-bombs            # ten uploads
 *   npm run bench:xlsx-bombs -- 20      # twenty
 *   npm run bench:xlsx-bombs -- --short # 1.9 M strings of ~12 characters: stopped by the count limit
 */
import { rmSync } from 'node:fs'
import { createAdminFor, newDataDir, serverEnv, signIn, startServerProcess } from '../../server/test/helpers/server-process'
import { uploadInParallel } from '../../server/test/helpers/xlsx-attack'
import { lyingSizeRoster, sharedStringsBomb } from '../../server/test/helpers/xlsx-files'
import { endpoints, pathOf } from '@huzhu/shared'

const args = process.argv.slice(2)
const copies = Number(args.find((a) => /^\d+$/.test(a)) ?? 10)
/** `--short`: strings of about 12 characters, so the count limit (not the text limit) stops each file. */
const short = args.includes('--short')
const MB = 1024 * 1024
const LIMIT = 1024 * MB

const tally = (answers: { status: number; code: string | null }[]) => {
  const counts = new Map<string, number>()
  for (const a of answers) counts.set(`${a.status} ${a.code ?? ''}`.trim(), (counts.get(`${a.status} ${a.code ?? ''}`.trim()) ?? 0) + 1)
  return [...counts].map(([k, n]) => `${n} × ${k}`).join(', ')
}

async function main(): Promise<void> {
  let t = performance.now()
  const bomb = short ? await sharedStringsBomb(1_900_000, 5) : await sharedStringsBomb()
  const liar = await lyingSizeRoster()
  console.log(`generated: bomb ${(bomb.length / MB).toFixed(1)} MB (1.9 M ${short ? 'short ' : ''}shared strings), lying zip ${(liar.length / 1024).toFixed(0)} KB, in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  const { dataDir, keys } = newDataDir()
  const env = serverEnv(dataDir, keys)
  await createAdminFor(env, '13800009999')
  const server = await startServerProcess(env)
  const deadline = setTimeout(() => {
    console.error('bench:xlsx-bombs: gave up after 300 s')
    void server.kill('SIGKILL').then(() => process.exit(1))
  }, 300_000)
  try {
    const token = await signIn(server.api, '13800009999')
    const unit = await server.api.post(pathOf(endpoints.units.createUnit), { name: '压力测试站点' }, { token })
    const path = pathOf(endpoints.rosters.uploadRoster, { unitId: unit.body.id }, { catalogueId: 'shaanxi-gig-2023' })
    t = performance.now()
    const bombs = await uploadInParallel(server, path, token, bomb, copies)
    console.log(`${copies} parallel bombs: ${tally(bombs.answers)} in ${bombs.seconds.toFixed(1)} s`)
    console.log(`server ${bombs.alive ? 'still up' : 'DOWN'}; peak RSS ${(bombs.peakRss / MB).toFixed(0)} MB (target < ${LIMIT / MB} MB): ${bombs.peakRss < LIMIT ? 'ok' : 'MISSED'}`)
    if (!bombs.alive) console.log(server.output().slice(-2_000))
    const lie = bombs.alive ? await uploadInParallel(server, path, token, liar, 1) : undefined
    if (lie) console.log(`lying zip: ${tally(lie.answers)} in ${lie.seconds.toFixed(1)} s (${lie.answers[0]?.status === 422 ? 'refused: ok' : 'ACCEPTED'})`)
    if (!(bombs.alive && bombs.peakRss < LIMIT && lie?.answers[0]?.status === 422)) process.exitCode = 1
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
