import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const repoRoot = join(__dirname, '../..')
export const h5Dir = join(repoRoot, 'miniapp/dist/h5')

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

/** True when the H5 build is missing or older than any of its sources. */
export function h5BuildIsStale(): boolean {
  const index = join(h5Dir, 'index.html')
  if (!existsSync(index)) return true
  const sources = ['miniapp/src', 'miniapp/config', 'miniapp/babel.config.js', 'shared/src', 'shared/catalogues']
  const newestSource = Math.max(...sources.map((s) => newestMtime(join(repoRoot, s))))
  return newestSource > statSync(index).mtimeMs
}

/** Builds the H5 app when it is missing or stale; exits the process if the build fails. */
export function ensureH5Build(): void {
  if (!h5BuildIsStale()) return
  console.log('Building the H5 app (miniapp/dist/h5)…')
  const result = spawnSync('npm', ['run', 'build:h5', '-w', '@huzhu/miniapp'], { cwd: repoRoot, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('The H5 build failed; see above.')
    process.exit(result.status ?? 1)
  }
}
