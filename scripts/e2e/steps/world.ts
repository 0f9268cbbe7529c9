import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../browser'
import { repoRoot, startServer, type RunningServer } from '../server-process'
import { startFakeWechatPay, type FakeWechatPay } from '../../../server/test/helpers/fake-wechat-pay'
import { createAdmin, setUpOffice, type Office } from './api'
import { endpoints, pathOf } from '@huzhu/shared'

/**
 * One staff story's world: a private copy of the H5 build, the real server on a
 * fresh data folder with a clock the test can move (fake-clock.mjs), Chromium,
 * and the office set up (admin, unit, staff, reviewer, unit admin).
 */
const DAY_MS = 86_400_000
const built = join(repoRoot, 'miniapp/dist/h5')

function listing(dir: string, withTimes: boolean): string[] {
  const out: string[] = []
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name !== '.complete') {
        const stat = statSync(path)
        out.push(`${relative(dir, path)} ${stat.size}${withTimes ? ` ${stat.mtimeMs}` : ''}`)
      }
    }
  }
  walk(dir)
  return out.sort()
}

/** What index.html loads (the entry scripts and styles), relative to the build folder. */
const entryAssets = (html: string) => [...html.matchAll(/(?:src|href)="\/((?:js|css)\/[^"]+)"/g)].map((m) => m[1]!)

/**
 * A copy of the H5 build that no later build can touch (another engineer's
 * `build:h5` empties miniapp/dist/h5 while it runs). Taken only from a build at
 * rest (nothing written for 3 s, the same files before and after the copy, every
 * entry asset present), waiting for a running build to end; kept by the build's
 * index.html, so the staff runs of one build share it.
 */
export async function privateH5Build(waitMs = 180_000): Promise<string> {
  const deadline = Date.now() + waitMs
  for (;;) {
    const index = join(built, 'index.html')
    try {
      const html = readFileSync(index, 'utf8')
      const dest = join(tmpdir(), `huzhu-staff-h5-${createHash('sha256').update(html).digest('hex').slice(0, 16)}`)
      if (existsSync(join(dest, '.complete'))) return dest
      const before = listing(built, true)
      const newest = Math.max(...before.map((line) => Number(line.split(' ')[2])))
      if (Date.now() - newest > 3000 && entryAssets(html).every((asset) => existsSync(join(built, asset)))) {
        const staging = mkdtempSync(join(tmpdir(), 'huzhu-staff-h5-copy-'))
        cpSync(built, staging, { recursive: true })
        const same = before.join('\n') === listing(built, true).join('\n')
        const copied = listing(staging, false).join('\n') === listing(built, false).join('\n')
        if (same && copied && readFileSync(join(staging, 'index.html'), 'utf8') === html) {
          writeFileSync(join(staging, '.complete'), '')
          try {
            renameSync(staging, dest)
          } catch {
            rmSync(staging, { recursive: true, force: true }) // another run made it first
          }
          if (existsSync(join(dest, '.complete'))) return dest
        }
        rmSync(staging, { recursive: true, force: true })
      }
    } catch {
      // no build yet, or it is being rewritten: look again
    }
    if (Date.now() > deadline) throw new Error(`no complete H5 build in ${built} within ${waitMs / 1000} s: run npm run build:h5 -w @huzhu/miniapp first`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

export interface StaffWorld {
  readonly base: string
  readonly browser: Browser
  readonly office: Office
  readonly server: RunningServer
  /** A scratch folder for files handed to the browser. */
  readonly tmp: string
  /** Moves the server's clock to `days` from now (negative: the past). */
  setClock(days: number): Promise<void>
  /** The fake WeChat Pay the server pays with (`staffWorld({ wechatPay: true })`). */
  readonly wechatPay: FakeWechatPay
}

/** Registers the hooks that build and tear down the world; its fields are there from the first test on. */
export function staffWorld(options: { clockDays?: number; wechatPay?: boolean } = {}): StaffWorld {
  const tmp = mkdtempSync(join(tmpdir(), 'huzhu-staff-e2e-'))
  const clockFile = join(tmp, 'clock-offset')
  let browser: Browser | undefined
  let server: RunningServer | undefined
  let office: Office | undefined
  let wechatPay: FakeWechatPay | undefined
  let clockDays = options.clockDays ?? 0
  const writeClock = (days: number) => {
    clockDays = days
    writeFileSync(clockFile, String(days * DAY_MS))
  }

  beforeAll(async () => {
    writeClock(options.clockDays ?? 0)
    const env = {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${join(__dirname, '..', 'fake-clock.mjs')}`.trim(),
      HUZHU_FAKE_CLOCK_FILE: clockFile,
      HUZHU_STATIC_DIR: await privateH5Build(),
    }
    if (options.wechatPay) {
      // WeChat Pay's fake lives on the server's clock: signatures carry timestamps both sides check.
      wechatPay = await startFakeWechatPay({ now: () => Date.now() + clockDays * DAY_MS })
      Object.assign(env, wechatPay.env, { WECHATPAY_NOTIFY_URL: `https://huzhu.example.org${pathOf(endpoints.paymentOrders.receiveWechatPayNotice)}` })
    }
    server = await startServer(env)
    wechatPay?.deliverTo(server.baseUrl)
    createAdmin(server.dataDir, env)
    browser = await launchChromium()
    office = await setUpOffice(server.baseUrl)
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await wechatPay?.close()
  })

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the staff world has no ${what} (did beforeAll fail?)`)
    return value
  }
  return {
    get base() { return need(server, 'server').baseUrl },
    get browser() { return need(browser, 'browser') },
    get office() { return need(office, 'office') },
    get server() { return need(server, 'server') },
    get wechatPay() { return need(wechatPay, 'fake WeChat Pay') },
    tmp,
    async setClock(days: number) {
      writeClock(days)
      // fake-clock.mjs reads the file again at most every 50 ms.
      await new Promise((resolve) => setTimeout(resolve, 120))
    },
  }
}
