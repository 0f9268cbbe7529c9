import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { repoRoot } from '../../lib/h5-build'
import { routesOf } from './mini-program'

/**
 * A copy of the WeChat build that no later build can touch: another
 * `build:weapp` on this machine empties `miniapp/dist/weapp` while it runs.
 * Taken only from a build at rest (nothing written for 3 s, every page of
 * app.json present, the same files before and after the copy); kept by the
 * hash of its files, so the test files of one build share it.
 * `HUZHU_WEAPP_DIR=DIR` tests another build (an older one, to compare).
 */
export const weappDir = process.env.HUZHU_WEAPP_DIR ?? join(repoRoot, 'miniapp/dist/weapp')

function listing(dir: string): string[] {
  const lines: string[] = []
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name !== '.complete') lines.push(`${relative(dir, path)} ${statSync(path).size} ${statSync(path).mtimeMs}`)
    }
  }
  walk(dir)
  return lines.sort()
}

/** A hash of every file of the build, names and bytes. */
function contentKey(dir: string): string {
  const hash = createHash('sha256')
  for (const line of listing(dir)) {
    const name = line.slice(0, line.indexOf(' '))
    hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

const complete = (dir: string) => routesOf(dir).every((route) => existsSync(join(dir, `${route}.js`))) && existsSync(join(dir, 'base.wxml'))

export async function privateWeappBuild(waitMs = 180_000): Promise<string> {
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      const key = contentKey(weappDir)
      const dest = join(tmpdir(), `huzhu-weapp-${key}`)
      if (existsSync(join(dest, '.complete'))) return dest
      const before = listing(weappDir)
      const newest = Math.max(...before.map((line) => Number(line.split(' ').at(-1))))
      if (Date.now() - newest > 3000 && complete(weappDir)) {
        const staging = mkdtempSync(join(tmpdir(), 'huzhu-weapp-copy-'))
        cpSync(weappDir, staging, { recursive: true })
        if (before.join('\n') === listing(weappDir).join('\n') && complete(staging)) {
          writeFileSync(join(staging, '.complete'), '')
          try {
            renameSync(staging, dest)
          } catch {
            rmSync(staging, { recursive: true, force: true }) // another test file made it first
          }
          if (existsSync(join(dest, '.complete'))) return dest
        }
        rmSync(staging, { recursive: true, force: true })
      }
    } catch {
      // no build yet, or it is being written: look again
    }
    if (Date.now() > deadline) throw new Error(`no complete weapp build in ${weappDir} within ${waitMs / 1000} s: run npm run build:weapp -w @huzhu/miniapp first`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}
