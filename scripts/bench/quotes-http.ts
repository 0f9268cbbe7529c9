/**
 * Quote endpoint benchmark, side by side with its baseline in the same run (issue 13): a bare Koa
 * JSON echo (bench/koa-echo.mjs, plain JavaScript under node) and the real server (tsx src/main.ts, or with
 * `--compiled` its production build `node dist/main.mjs`, on SQLite, loopback only,
 * production settings, response checks off), each its own process, each under the same autocannon
 * settings: 100 connections, POST with a Shaanxi and a Shanghai quote selection in turn (the echo
 * gets the same bodies back). Both are warmed up for 1 s, then each round measures the echo and the
 * server one after the other (the echo first in odd rounds, second in even ones); the ratio is the
 * median of the rounds' ratios (on a shared host the machine's own speed moves over seconds, and
 * a slow or fast stretch then shows as one odd round, not a shift of the whole), the other figures
 * the rounds' means. Where `taskset` is there and the
 * machine has two CPUs or more, the load generator (this process) runs on the first CPU and each
 * server on the others, so neither server shares its CPUs with autocannon (on 2 cores unpinned, the
 * echo's own rate moved ±15 % between runs). Prints requests per second,
 * latency percentiles and each process's CPU per request (steadier than the rate on a shared
 * machine), then the ratio to the echo.
 * Goal (issue 13): at least 0.6× the echo's requests per second, p99 at most 2× the echo's.
 *
 *   npm run bench:quotes                          # 5 s per measurement, 6 rounds
 *   npm run bench:quotes -- 3 --rounds 10         # seconds per measurement, rounds
 *   npm run bench:quotes -- 10 --rounds 3 --compiled  # the server as production runs it (npm run build -w @huzhu/server first)
 *   npm run bench:quotes -- 10 --cpu-prof /tmp/profiles   # the server's V8 CPU profile when it stops
 */
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { newDataDir, serverEnv, startServerProcess, type ServerProcess } from '../../server/test/helpers/server-process'
import { numberArg, serverCommand } from './databases'
import { cpuSeconds } from './process-cpu'
import { endpoints, pathOf } from '@huzhu/shared'

const seconds = /^\d+$/.test(process.argv[2] ?? '') ? Number(process.argv[2]) : 5
const rounds = numberArg('rounds', 6)
const CONNECTIONS = 100
const RATIO_GOAL = 0.6
const P99_GOAL = 2
const bodies = [
  { catalogueId: 'shaanxi-gig-2023', products: ['ZY'], mode: 'instant', acceptedOn: '2026-11-24' },
  { catalogueId: 'shanghai-2020', products: ['A0', 'A2', 'C1'], mode: 'instant', acceptedOn: '2020-10-14' },
].map((b) => JSON.stringify(b))

/**
 * CPU pinning: `taskset` puts this process (autocannon) on CPU 0 and gives the command to run each server on
 * CPUs 1..n-1; none where there is one CPU or no taskset (then the processes share the machine as they come).
 */
function pinning(): { serverPrefix: string[]; note: string } {
  const cpus = availableParallelism()
  if (cpus < 2) return { serverPrefix: [], note: 'not pinned (one CPU)' }
  try {
    execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' })
  } catch {
    return { serverPrefix: [], note: 'not pinned (no taskset)' }
  }
  const servers = cpus === 2 ? '1' : `1-${cpus - 1}`
  return { serverPrefix: ['taskset', '-c', servers], note: `load generator on CPU 0, each server on CPU ${servers}` }
}

interface Figures { rate: number; p50: number; p90: number; p99: number; max: number; cpuMs: number; ok: number; failed: number }

async function load(target: ServerProcess, path: string, duration: number): Promise<Figures> {
  let turn = 0
  const cpuBefore = cpuSeconds(target.child.pid)
  const result = await autocannon({
    url: `${target.baseUrl}${path}`,
    connections: CONNECTIONS,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    setupClient: (client) => client.setBody(bodies[turn++ % bodies.length]!),
  })
  const ok = result['2xx']
  return {
    rate: result.requests.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max,
    cpuMs: ((cpuSeconds(target.child.pid) - cpuBefore) * 1000) / Math.max(ok, 1), ok, failed: result.non2xx + result.errors + result.timeouts,
  }
}

function mean(figures: readonly Figures[]): Figures {
  const avg = (pick: (f: Figures) => number) => figures.reduce((sum, f) => sum + pick(f), 0) / figures.length
  const sum = (pick: (f: Figures) => number) => figures.reduce((total, f) => total + pick(f), 0)
  return {
    rate: avg((f) => f.rate), p50: avg((f) => f.p50), p90: avg((f) => f.p90), p99: avg((f) => f.p99), max: Math.max(...figures.map((f) => f.max)),
    cpuMs: avg((f) => f.cpuMs), ok: sum((f) => f.ok), failed: sum((f) => f.failed),
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function line(name: string, f: Figures): string {
  return `${name.padEnd(22)} ${f.rate.toFixed(0).padStart(6)} req/s   latency ms p50 ${f.p50.toFixed(1)}  p90 ${f.p90.toFixed(1)}  p99 ${f.p99.toFixed(1)}  max ${f.max}   `
    + `process CPU ${f.cpuMs.toFixed(3)} ms/request   (${f.ok.toLocaleString('en')} 2xx, ${f.failed} failed)`
}

async function main(): Promise<void> {
  const { dataDir, keys } = newDataDir()
  const env = serverEnv(dataDir, { ...keys, NODE_ENV: 'production', SMS_FIXED_CODE: '', SMS_PROVIDER: 'console', HUZHU_LOG_LEVEL: 'warn', DATABASE_URL: '' })
  const pinned = pinning()
  const pin = (command: readonly [string, ...string[]]) => [...pinned.serverPrefix, ...command] as [string, ...string[]]
  const echo = await startServerProcess(env, { label: 'koa echo', command: pin([process.execPath, 'bench/koa-echo.mjs']), cwd: join(__dirname, '..') })
  const server = await startServerProcess(env, { label: 'server', command: pin(serverCommand()) })
  try {
    const quotePath = pathOf(endpoints.quotes.createQuote)
    const echoes: Figures[] = []
    const quotes: Figures[] = []
    const ratios: number[] = []
    await load(echo, '/echo', 1)
    await load(server, quotePath, 1)
    for (let round = 1; round <= rounds; round++) {
      // Each round measures both, the one first in one round second in the next: a machine that speeds up or slows down
      // meanwhile (on a shared host it does, over seconds) weighs on both alike.
      if (round % 2 === 1) {
        echoes.push(await load(echo, '/echo', seconds))
        quotes.push(await load(server, quotePath, seconds))
      } else {
        quotes.push(await load(server, quotePath, seconds))
        echoes.push(await load(echo, '/echo', seconds))
      }
      ratios.push(quotes.at(-1)!.rate / echoes.at(-1)!.rate)
      console.log(`round ${round}/${rounds}: quotes / echo ${ratios.at(-1)!.toFixed(2)}×`)
      console.log(`  ${line('bare Koa JSON echo', echoes.at(-1)!)}`)
      console.log(`  ${line(`POST ${quotePath}`, quotes.at(-1)!)}`)
    }
    const e = mean(echoes)
    const q = mean(quotes)
    const ratio = median(ratios)
    const p99Ratio = q.p99 / e.p99
    console.log(`\n${CONNECTIONS} connections, ${seconds} s each, ${rounds} round(s), loopback, means of the rounds; ${pinned.note}`)
    console.log(line('bare Koa JSON echo', e))
    console.log(line(`POST ${quotePath}`, q))
    console.log(`quotes / echo: ${ratio.toFixed(2)}× the requests/s (median of the rounds' ratios, ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; `
      + `of the means ${(q.rate / e.rate).toFixed(2)}×; goal ≥ ${RATIO_GOAL}×), p99 ${p99Ratio.toFixed(2)}× (goal ≤ ${P99_GOAL}×), `
      + `CPU per request ${(q.cpuMs / e.cpuMs).toFixed(2)}×: ${ratio >= RATIO_GOAL && p99Ratio <= P99_GOAL ? 'met' : 'NOT met'}`)
    if (e.failed > 0 || q.failed > 0) process.exitCode = 1
  } finally {
    await server.stop()
    await echo.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
