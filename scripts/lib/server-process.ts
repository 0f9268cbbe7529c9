import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

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

export interface ServerProcess {
  child: ChildProcess
  baseUrl: string
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string
  /** SIGTERM to the process group, then wait for the exit. */
  stop: () => Promise<void>
}

/**
 * Starts a command that serves Huzhu on `port` (in a process group of its own, so npm and the
 * processes it starts all stop together) and waits until `/api/v1/health` answers.
 */
export async function startServerProcess(
  command: string, args: string[], options: { cwd: string; env: Record<string, string>; port: number; label: string; timeoutMs?: number },
): Promise<ServerProcess> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
    await exited
  }
  const baseUrl = `http://127.0.0.1:${options.port}`
  const deadline = Date.now() + (options.timeoutMs ?? 90_000)
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.label} exited with ${child.exitCode}:\n${log}`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${options.label} did not answer /api/v1/health:\n${log}`)
    }
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { child, baseUrl, output: () => log, stop }
}
