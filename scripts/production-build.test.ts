import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './lib/h5-build'
import { startServerProcess } from '../server/test/helpers/server-process'
import { endpoints, pathOf } from '@huzhu/shared'

/**
 * The production build as server/README.md and docs/deploy.md run it: the server compiled to
 * JavaScript (`npm run build -w @huzhu/server`) and started with plain `node`, no tsx, with
 * NODE_ENV=production and its keys. It serves the API and the H5 files, sends HSTS, seeds
 * nothing; the compiled `create-admin` works on its database; half a configuration refuses to start.
 */
jest.setTimeout(120_000)

const serverDir = join(repoRoot, 'server')
let dir: string
let staticDir: string
beforeAll(() => {
  execFileSync('npm', ['run', 'build', '-w', '@huzhu/server'], { cwd: repoRoot, stdio: 'pipe' })
  dir = mkdtempSync(join(tmpdir(), 'huzhu-production-'))
  staticDir = join(dir, 'h5')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>互助 production test</title>')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function productionEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    HUZHU_HOST: '127.0.0.1',
    HUZHU_DATA_DIR: dataDir,
    HUZHU_STATIC_DIR: staticDir,
    HUZHU_DATA_KEY: randomBytes(32).toString('base64'),
    HUZHU_SIGNING_KEY: randomBytes(32).toString('base64'),
    SMS_PROVIDER: 'console',
  }
  return env
}

test('node dist/main.mjs in production: API, H5 files, HSTS, no demo data; the compiled create-admin uses the same database', async () => {
  const dataDir = join(dir, 'data')
  const env = productionEnv(dataDir)
  const server = await startServerProcess(env, { command: [process.execPath, '--enable-source-maps', 'dist/main.mjs'], label: 'node dist/main.mjs' })
  try {
    const health = await fetch(`${server.baseUrl}${pathOf(endpoints.health.health)}`)
    expect(await health.json()).toEqual({ status: 'ok' })
    expect(health.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    expect(await (await fetch(`${server.baseUrl}/pages/index/index`)).text()).toContain('互助 production test')
    expect(server.output()).not.toContain('demo data seeded')
    const lines = server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg?: string; env?: string })
    expect(lines.find((l) => l.msg === 'listening')?.env).toBe('production')
    // tsx is not what runs it: the process is node with the compiled file and nothing preloaded.
    expect(server.child.spawnargs.join(' ')).not.toMatch(/tsx/)
  } finally {
    await server.stop()
  }
  const admin = spawnSync(process.execPath, ['dist/create-admin.mjs', '--phone', '13812345678'], { cwd: serverDir, env, encoding: 'utf8' })
  expect(admin.stderr).not.toContain('failed')
  expect(admin.status).toBe(0)
  expect(admin.stdout).toMatch(/^admin granted: \S+ \(138\*{4}5678\)/)
})

test('backup while the server runs, then restore into a new data folder: the restored server has the same accounts', async () => {
  const dataDir = join(dir, 'data-live')
  const env = productionEnv(dataDir)
  const live = await startServerProcess(env, { command: [process.execPath, 'dist/main.mjs'], label: 'live server' })
  const backupFile = join(dir, 'backups', 'huzhu-backup.sqlite')
  try {
    const admin = spawnSync(process.execPath, ['dist/create-admin.mjs', '--phone', '13912345678'], { cwd: serverDir, env, encoding: 'utf8' })
    expect(admin.stdout).toMatch(/^admin granted: (\S+)/)
    const backup = spawnSync(process.execPath, ['dist/backup.mjs', '--to', backupFile], { cwd: serverDir, env, encoding: 'utf8' })
    expect(backup.status).toBe(0)
    expect(backup.stdout).toContain('backup written')
    // A second backup to the same file is refused: nothing is overwritten.
    expect(spawnSync(process.execPath, ['dist/backup.mjs', '--to', backupFile], { cwd: serverDir, env, encoding: 'utf8' }).status).toBe(2)
  } finally {
    await live.stop()
  }
  // Restore as docs/deploy.md says: the copy becomes huzhu.sqlite of a new data folder, same keys.
  const restoredDir = join(dir, 'data-restored')
  mkdirSync(restoredDir)
  copyFileSync(backupFile, join(restoredDir, 'huzhu.sqlite'))
  const restoredEnv = { ...env, HUZHU_DATA_DIR: restoredDir }
  const restored = await startServerProcess(restoredEnv, { command: [process.execPath, 'dist/main.mjs'], label: 'restored server' })
  try {
    expect(await (await fetch(`${restored.baseUrl}${pathOf(endpoints.health.health)}`)).json()).toEqual({ status: 'ok' })
  } finally {
    await restored.stop()
  }
  const again = spawnSync(process.execPath, ['dist/create-admin.mjs', '--phone', '13912345678'], { cwd: serverDir, env: restoredEnv, encoding: 'utf8' })
  expect(again.stdout).toMatch(/^already an admin: /)
})

test('node dist/main.mjs in production without its keys refuses to start and says which', async () => {
  const env = productionEnv(join(dir, 'data-unkeyed'))
  delete env.HUZHU_DATA_KEY
  const run = spawnSync(process.execPath, ['dist/main.mjs'], { cwd: serverDir, env, encoding: 'utf8', timeout: 30_000 })
  expect(run.status).not.toBe(0)
  expect(run.stdout + run.stderr).toContain('HUZHU_DATA_KEY')
})
