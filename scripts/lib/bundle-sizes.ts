import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { repoRoot } from './h5-build'

export const weappDir = join(repoRoot, 'miniapp/dist/weapp')

/** Budgets from the mini-app issue: WeChat's own limit is 2 MB per package. */
export const budgets = {
  weappMainBytes: 1.5 * 1024 * 1024,
  weappSubpackageBytes: 2 * 1024 * 1024,
  h5FirstScreenGzipJsBytes: 300 * 1024,
} as const

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

export interface WeappSizes {
  mainBytes: number
  subpackages: Record<string, number>
}

/**
 * Sizes of the weapp build as WeChat counts them: every file under a
 * subpackage's root belongs to that subpackage, everything else to the main
 * package. Source maps are not uploaded and not counted.
 */
export function weappSizes(dir = weappDir): WeappSizes {
  if (!existsSync(join(dir, 'app.json'))) throw new Error(`no weapp build in ${dir}: run npm run build`)
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizes: WeappSizes = { mainBytes: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])) }
  for (const file of filesUnder(dir)) {
    if (file.endsWith('.map')) continue
    const rel = relative(dir, file).split(sep).join('/')
    const root = roots.find((r) => rel.startsWith(`${r}/`))
    const bytes = statSync(file).size
    if (root) sizes.subpackages[root] = (sizes.subpackages[root] ?? 0) + bytes
    else sizes.mainBytes += bytes
  }
  return sizes
}

export interface FirstScreenJs {
  files: { url: string; bytes: number; gzipBytes: number }[]
  gzipBytes: number
}

/**
 * Opens a page and records every JavaScript file the browser loads until the
 * network is idle: the first screen's JavaScript, each gzipped at level 9 as a
 * server would send it.
 */
export async function firstScreenJs(page: Page, url: string): Promise<FirstScreenJs> {
  const pending: Promise<{ url: string; bytes: number; gzipBytes: number }>[] = []
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return
    pending.push(response.body().then((body) => ({ url: response.url(), bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length })))
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  const files = await Promise.all(pending)
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) }
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`
