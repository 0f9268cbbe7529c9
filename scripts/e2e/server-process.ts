import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serverEnv, startServerProcess, type ServerProcess } from '../../server/test/helpers/server-process'
import { repoRoot } from '../lib/h5-build'

export { repoRoot }

export interface RunningServer extends ServerProcess {
  dataDir: string
}

/**
 * Starts the real server (`server/src/main.ts`) on a free port over a fresh data
 * folder, serving the H5 build, with a fixed SMS code so a test can log in;
 * responses are checked against their schemas and logged as in development.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huzhu-e2e-'))
  const server = await startServerProcess(serverEnv(dataDir, {
    HUZHU_STATIC_DIR: join(repoRoot, 'miniapp/dist/h5'), HUZHU_CHECK_RESPONSES: '1', HUZHU_LOG_LEVEL: 'info', ...env,
  }))
  return { ...server, dataDir }
}
