/**
 * Quote endpoint benchmark: the real server (tsx src/main.ts, loopback only,
 * response checks off as in production) under autocannon, 100 connections for
 * 10 s, POST /api/v1/quotes with a Shaanxi and a Shanghai selection in turn.
 * Prints requests per second and latency percentiles.
 *
 *   npm run bench:quotes            # 10 s
 *   npm run bench:quotes -- 5       # seconds
 */
import { rmSync } from 'node:fs'
import autocannon from 'autocannon'
import { newDataDir, serverEnv, startServerProcess } from '../../server/test/helpers/server-process'

const seconds = Number(process.argv[2] ?? 10)
const bodies = [
  { catalogueId: 'shaanxi-gig-2023', products: ['ZY'], mode: 'instant', acceptedOn: '2026-11-24' },
  { catalogueId: 'shanghai-2020', products: ['A0', 'A2', 'C1'], mode: 'instant', acceptedOn: '2020-10-14' },
].map((b) => JSON.stringify(b))

async function main(): Promise<void> {
  const { dataDir, keys } = newDataDir()
  const server = await startServerProcess(serverEnv(dataDir, { ...keys, NODE_ENV: 'production', SMS_FIXED_CODE: '', SMS_PROVIDER: 'console', HUZHU_LOG_LEVEL: 'warn' }))
  try {
    let turn = 0
    const result = await autocannon({
      url: `${server.baseUrl}/api/v1/quotes`,
      connections: 100,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupClient: (client) => client.setBody(bodies[turn++ % bodies.length]!),
    })
    const ok = result['2xx']
    console.log(`POST /api/v1/quotes, 100 connections, ${seconds} s, loopback`)
    console.log(`requests/s: ${result.requests.average.toFixed(0)} (mean), ${ok.toLocaleString('en')} answered 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`)
    console.log(`latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`)
    if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
