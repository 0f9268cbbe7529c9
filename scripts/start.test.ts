import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './lib/h5-build'
import { startServerProcess, type ServerProcess } from '../server/test/helpers/server-process'
import { endpoints, pathOf } from '@huzhu/shared'

/**
 * `npm start` exactly as the README says, under every NODE_ENV a person would
 * type: the same demo product each time (the server in development mode, demo
 * data seeded on the first start), never the half-configured production server
 * that refused to start. The H5 build is skipped by giving a built app in
 * HUZHU_STATIC_DIR (lib/h5-build.test.ts covers the build under each NODE_ENV).
 */
jest.setTimeout(120_000)

let dir: string
let staticDir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huzhu-start-'))
  staticDir = join(dir, 'h5')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>互助 start test</title>')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** `npm start` from the repository root, in a process group of its own (npm, the start script, the server). */
async function npmStart(nodeEnv: string, dataDir: string): Promise<ServerProcess> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NODE_ENV: nodeEnv, HUZHU_HOST: '127.0.0.1', HUZHU_DATA_DIR: dataDir, HUZHU_STATIC_DIR: staticDir }
  for (const name of ['HUZHU_DEMO_DATA', 'HUZHU_DATA_KEY', 'HUZHU_SIGNING_KEY', 'SMS_PROVIDER', 'SMS_FIXED_CODE', 'JEST_WORKER_ID']) delete env[name]
  return startServerProcess(env, { command: ['npm', 'start'], cwd: repoRoot, label: `npm start (NODE_ENV=${nodeEnv})`, timeoutMs: 90_000 })
}

describe('npm start', () => {
  test.each(['development', 'test', 'production'])(`NODE_ENV=%s npm start: the demo answers on ${pathOf(endpoints.health.health)}, serves the app, seeds demo data`, async (nodeEnv) => {
    const dataDir = join(dir, `data-${nodeEnv}`)
    const started = await npmStart(nodeEnv, dataDir)
    try {
      expect(await (await fetch(`${started.baseUrl}${pathOf(endpoints.health.health)}`)).json()).toEqual({ status: 'ok' })
      const page = await fetch(`${started.baseUrl}/pages/index/index`)
      expect(await page.text()).toContain('互助 start test')
      // The server was told its mode: development, whatever the shell said.
      await new Promise((resolve) => setTimeout(resolve, 300))
      const lines = started.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg?: string; env?: string })
      expect(lines.find((l) => l.msg === 'listening')?.env).toBe('development')
      expect(lines.some((l) => l.msg?.startsWith('demo data seeded'))).toBe(true)
      if (nodeEnv !== 'development') expect(started.output()).toContain(`NODE_ENV=${nodeEnv} from the shell is not used`)
    } finally {
      await started.stop()
    }
  })
})
