import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { ApiClient } from './http'

const serverDir = resolve(__dirname, '../..')
export const SERVER_FIXED_CODE = '246810'

export interface ServerProcess {
  baseUrl: string
  api: ApiClient
  child: ChildProcess
  output: () => string
  /** Peak resident memory of the server so far (Linux VmHWM), in bytes; 0 if unknown. */
  peakRss: () => Promise<number>
  /** SIGTERM to its process group and wait; `kill('SIGKILL')` instead for crash tests. */
  stop: () => Promise<void>
  kill: (signal: NodeJS.Signals) => Promise<void>
}

/** A TCP port nobody listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))))
    })
  })
}

/** The environment of a scripted server over `dataDir` (fixed keys so restarts decrypt, a fixed SMS code). */
export function serverEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...(process.env as Record<string, string>), NODE_ENV: 'test', HUZHU_DATA_DIR: dataDir, SMS_FIXED_CODE: SERVER_FIXED_CODE,
    HUZHU_HOST: '127.0.0.1', HUZHU_LOG_LEVEL: 'warn', HUZHU_CHECK_RESPONSES: '0', SMS_IP_HOURLY_LIMIT: '100000', SMS_IP_DAILY_LIMIT: '100000', ...extra,
  }
}

export function newDataDir(): { dataDir: string; keys: Record<string, string> } {
  return {
    dataDir: mkdtempSync(join(tmpdir(), 'huzhu-proc-')),
    keys: { HUZHU_DATA_KEY: randomBytes(32).toString('base64'), HUZHU_SIGNING_KEY: randomBytes(32).toString('base64') },
  }
}

/** `create-admin` against the data folder (before or while the server runs). */
export async function createAdminFor(env: Record<string, string>, phone: string): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/create-admin.ts', '--phone', phone], { cwd: serverDir, env })
}

export interface StartOptions {
  /** The command and its arguments; default `node --import tsx src/main.ts`. */
  command?: readonly [string, ...string[]]
  /** Default: the server package. */
  cwd?: string
  /** Default: a free port. */
  port?: number
  /** Named in the error when it exits or does not answer. */
  label?: string
  timeoutMs?: number
}

/**
 * Starts the server (by default `server/src/main.ts` through tsx) on a free port, in a process group
 * of its own (so `npm start` and the processes it starts stop together), and waits for /api/v1/health.
 */
export async function startServerProcess(env: Record<string, string>, options: StartOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? await freePort()
  const [command, ...args] = options.command ?? [process.execPath, '--import', 'tsx', 'src/main.ts']
  const label = options.label ?? 'server'
  let log = ''
  const child = spawn(command, args, { cwd: options.cwd ?? serverDir, env: { ...env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, signal)
      } catch {
        // already gone
      }
    }
    await exited
  }
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}:\n${log}`)
    if (Date.now() > deadline) {
      await kill('SIGKILL')
      throw new Error(`${label} did not answer /api/v1/health:\n${log}`)
    }
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    baseUrl, api: new ApiClient(baseUrl), child, output: () => log, kill, stop: () => kill('SIGTERM'),
    async peakRss() {
      try {
        const { readFile } = await import('node:fs/promises')
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8')
        const kb = /VmHWM:\s+(\d+) kB/.exec(status)
        return kb ? Number(kb[1]) * 1024 : 0
      } catch {
        return 0
      }
    },
  }
}

/** Signs a phone in over HTTP with the fixed code; returns the bearer token. */
export async function signIn(api: ApiClient, phone: string): Promise<string> {
  const sent = await api.post('/api/v1/auth/sms-codes', { phone })
  if (sent.status !== 204) throw new Error(`sms-codes: ${sent.status} ${sent.text}`)
  const session = await api.post('/api/v1/auth/sessions', { phone, code: SERVER_FIXED_CODE })
  if (session.status !== 200) throw new Error(`sessions: ${session.status} ${session.text}`)
  return session.body.token as string
}
