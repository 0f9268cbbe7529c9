/**
 * `npm start`: the whole product on one port with embedded defaults: the H5 app
 * (built first when missing or stale), the API, a SQLite file in ./data, and
 * demo data on first start. Every default can be overridden from the environment.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureH5Build, h5Dir, repoRoot } from './lib/h5-build'

ensureH5Build()

const env = {
  ...process.env,
  PORT: process.env.PORT ?? '3000',
  HUZHU_DATA_DIR: process.env.HUZHU_DATA_DIR ?? join(repoRoot, 'data'),
  HUZHU_STATIC_DIR: process.env.HUZHU_STATIC_DIR ?? h5Dir,
  HUZHU_DEMO_DATA: process.env.HUZHU_DEMO_DATA ?? '1',
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: join(repoRoot, 'server'),
  env,
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
