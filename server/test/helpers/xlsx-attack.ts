import { readFile } from 'node:fs/promises'
import type { ServerProcess } from './server-process'
import { XLSX } from './rosters'

export interface ParallelUploadOutcome {
  /** Each upload's status and error code (`'connection_failed'` if the server went away). */
  answers: { status: number; code: string | null }[]
  /** The server's peak resident memory (VmHWM, or the highest VmRSS sampled every 50 ms if it died). */
  peakRss: number
  /** The server still answers /api/v1/health afterwards. */
  alive: boolean
  seconds: number
}

async function residentBytes(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(await readFile(`/proc/${pid}/status`, 'utf8'))
    return kb ? Number(kb[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/**
 * Sends `copies` uploads of `bytes` to `path` at once (raw xlsx bodies, as the
 * mini-app does), sampling the server process's memory meanwhile; then asks
 * whether it still answers. For the xlsx bomb test and `bench:xlsx-bombs`.
 */
export async function uploadInParallel(server: ServerProcess, path: string, token: string, bytes: Buffer, copies: number): Promise<ParallelUploadOutcome> {
  const pid = server.child.pid!
  let sampled = 0
  const sampler = setInterval(() => void residentBytes(pid, 'VmRSS').then((rss) => { sampled = Math.max(sampled, rss) }), 50)
  const started = performance.now()
  try {
    const answers = await Promise.all(Array.from({ length: copies }, async () => {
      try {
        const res = await server.api.request('POST', path, undefined, { token, rawBody: new Uint8Array(bytes), headers: { 'content-type': XLSX } })
        return { status: res.status, code: (res.body as { error?: { code?: string } } | null)?.error?.code ?? null }
      } catch {
        return { status: 0, code: 'connection_failed' }
      }
    }))
    const seconds = (performance.now() - started) / 1000
    const alive = server.child.exitCode === null && server.child.signalCode === null
      && (await server.api.get('/api/v1/health').then((r) => r.status === 200, () => false))
    const peakRss = Math.max(sampled, alive ? await residentBytes(pid, 'VmHWM') : 0)
    return { answers, peakRss, alive, seconds }
  } finally {
    clearInterval(sampler)
  }
}
