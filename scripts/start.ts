/**
 * `npm start`: the whole product on one port with embedded defaults, for trying
 * it and for development: the H5 app (built first when missing or stale), the
 * API, a SQLite file in ./data, and demo data on first start. Every default can
 * be overridden from the environment.
 *
 * It is the same product whatever NODE_ENV the shell has: the H5 build is always
 * the production build (miniapp/config/build-env.ts) and the server is told
 * NODE_ENV=development. A real installation starts the server itself with
 * NODE_ENV=production and its keys (server/README.md, "Running in production").
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureH5Build, h5Dir, repoRoot } from './lib/h5-build'

const shellNodeEnv = process.env.NODE_ENV
if (shellNodeEnv !== undefined && shellNodeEnv !== '' && shellNodeEnv !== 'development') {
  console.log(
    `npm start runs the demo in development mode; NODE_ENV=${shellNodeEnv} from the shell is not used. ` +
    'A production server is started on its own, with its keys: see server/README.md, "Running in production".',
  )
}

// A folder given in HUZHU_STATIC_DIR is served as it is; only the repository's own build is kept fresh.
if (process.env.HUZHU_STATIC_DIR === undefined) ensureH5Build()

const env = {
  ...process.env,
  NODE_ENV: 'development',
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
