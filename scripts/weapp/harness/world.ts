import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeWechat, type FakeWechat } from '../../../server/test/helpers/fake-wechat'
import { startServer, type RunningServer } from '../../e2e/server-process'
import { createAdmin, setUpOffice, type Office } from '../../e2e/steps/api'
import { privateWeappBuild } from './build'
import { launchMiniProgram, type MiniProgram, type MiniProgramOptions } from './mini-program'

/**
 * One test file's world, as the end-to-end stories make theirs: the real server
 * (`server/src/main.ts`) on a free loopback port over a fresh data folder, its
 * clock movable (e2e/fake-clock.mjs), WeChat's API faked on another port
 * (server/test/helpers/fake-wechat.ts: `wx.login` codes `ok-<name>` are
 * accepted), the office set up (admin, unit, staff, reviewer, unit admin), and
 * a private copy of the weapp build. `launch()` starts the mini-program against
 * it; every one started is closed after each test.
 */
const DAY_MS = 86_400_000

/** The WeChat subscribe-message templates the server is configured with. */
export const subscribeTemplates = { claim: 'tpl-claim-status', enrolment: 'tpl-enrolment-status' } as const

export const SESSION_KEY = 'huzhu.session.token'

export interface WeappWorld {
  readonly base: string
  readonly dist: string
  readonly office: Office
  readonly server: RunningServer
  readonly wechat: FakeWechat
  /** Moves the server's clock to `days` from now (negative: the past). */
  setClock(days: number): Promise<void>
  /** The mini-program against this world's server, signed in with `token` when given. */
  launch(options?: { token?: string } & Omit<MiniProgramOptions, 'dist' | 'apiOrigin'>): Promise<MiniProgram>
}

export function weappWorld(): WeappWorld {
  const tmp = mkdtempSync(join(tmpdir(), 'huzhu-weapp-world-'))
  const clockFile = join(tmp, 'clock-offset')
  const writeClock = (days: number) => writeFileSync(clockFile, String(days * DAY_MS))
  let dist: string | undefined
  let server: RunningServer | undefined
  let wechat: FakeWechat | undefined
  let office: Office | undefined
  const running: MiniProgram[] = []

  beforeAll(async () => {
    writeClock(0)
    const [build, fake] = await Promise.all([privateWeappBuild(), startFakeWechat()])
    dist = build
    wechat = fake
    const env = {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${join(__dirname, '../../e2e/fake-clock.mjs')}`.trim(),
      HUZHU_FAKE_CLOCK_FILE: clockFile,
      HUZHU_STATIC_DIR: '', // the API only: the mini-program brings its own pages
      WECHAT_APPID: fake.appId, WECHAT_SECRET: fake.secret, WECHAT_API_BASE: fake.baseUrl,
      WECHAT_SUBSCRIBE_TEMPLATE_CLAIM: subscribeTemplates.claim, WECHAT_SUBSCRIBE_TEMPLATE_ENROLMENT: subscribeTemplates.enrolment,
    }
    server = await startServer(env)
    createAdmin(server.dataDir, env)
    office = await setUpOffice(server.baseUrl)
  }, 240_000)

  afterEach(() => {
    for (const mp of running.splice(0)) mp.close()
  })

  afterAll(async () => {
    await server?.stop()
    await wechat?.close()
    rmSync(tmp, { recursive: true, force: true })
  })

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the weapp world has no ${what} (did beforeAll fail?)`)
    return value
  }
  return {
    get base() { return need(server, 'server').baseUrl },
    get dist() { return need(dist, 'build') },
    get office() { return need(office, 'office') },
    get server() { return need(server, 'server') },
    get wechat() { return need(wechat, 'fake WeChat') },
    async setClock(days) {
      writeClock(days)
      // fake-clock.mjs reads the file again at most every 50 ms.
      await new Promise((resolve) => setTimeout(resolve, 120))
    },
    async launch({ token, storage, ...rest } = {}) {
      const mp = await launchMiniProgram({
        dist: need(dist, 'build'), apiOrigin: need(server, 'server').baseUrl,
        storage: { ...storage, ...(token ? { [SESSION_KEY]: token } : {}) }, ...rest,
      })
      running.push(mp)
      return mp
    },
  }
}
