import { readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import vm from 'node:vm'
import { VirtualClock } from './clock'
import { dispatch, inputDetail, tapDetail } from './events'
import { TempFiles } from './files'
import { createHttp } from './http'
import { BuildLoader, type Config } from './loader'
import { PageStack, type PageInstance } from './page'
import { readTemplates, TreeReader, type Element, type Hit, type TaroNode } from './tree'
import { createWx, type NativeAnswer, type WxCall } from './wx'

/**
 * A WeChat build of the app (`miniapp/dist/weapp`) running headless: the stand-in
 * runtime (loader.ts, wx.ts, page.ts, clock.ts) put together, with what a test
 * does to it: open a page, read what it rendered, tap, type, go back.
 *
 * Every `openPage`, `tap`, `input` and `back` ends with `settle()`: the app runs
 * until it is idle (requests answered, timers due within 5 s of virtual time
 * run). `settle()` throws when the app failed meanwhile: an error thrown in a
 * timer or a callback, `console.error` (React reports render errors there) or
 * `console.warn`, an unhandled promise rejection, or a node `base.wxml` has no
 * template for (WeChat would draw nothing where it is).
 */

export interface MiniProgramOptions {
  /** The weapp build (a private copy: see build.ts). */
  dist: string
  /** The test server's origin: every request goes there, whatever origin the build holds. */
  apiOrigin?: string
  /** wx storage at launch (`{ 'huzhu.session.token': token }` for a signed-in member). */
  storage?: Record<string, unknown>
  /** Answers for native APIs (`scanCode`, `chooseMedia`, `login`, …). */
  answers?: Record<string, NativeAnswer>
  /** Whether the privacy guidelines were agreed before (else WeChat asks before the first camera or album use). */
  privacyAgreed?: boolean
}

export interface PageHandle {
  readonly route: string
  readonly instance: PageInstance
  readonly tree: TaroNode | undefined
  /** Visible text, one line per block element. */
  text(): string
  outline(): string
  all(selector: string): Element[]
  find(selector: string): Element | null
  /** The one element the selector names; throws when there is none. */
  get(selector: string): Element
  untemplated(): string[]
  tap(selector: string): Promise<void>
  input(selector: string, value: string): Promise<void>
  /** A `change` (a picker, a switch, a radio or checkbox group) with `detail.value`. */
  change(selector: string, value: unknown): Promise<void>
  fire(selector: string, type: string, detail?: Record<string, unknown>): Promise<void>
  /** Covered by another page (or a native picker) and shown again. */
  reshow(): Promise<void>
}

export interface MiniProgram {
  readonly routes: readonly string[]
  readonly log: readonly WxCall[]
  readonly storage: Map<string, unknown>
  /** Errors so far (settle() throws on the new ones). */
  readonly errors: readonly unknown[]
  /** Browser globals the code looked up (typeof probes included). */
  readonly touched: ReadonlySet<string>
  readonly pages: readonly PageHandle[]
  /** Opens a page as navigateTo does (onLoad(query), onShow, first render, onReady) and settles. */
  openPage(route: string, query?: Record<string, string>): Promise<PageHandle>
  /** The page on top of the stack. */
  current(): PageHandle
  back(delta?: number): Promise<void>
  settle(virtualMs?: number): Promise<void>
  /** Answers a native API from now on (`scanCode`, `login`…); throw inside to make it fail. */
  answer(api: string, answer: NativeAnswer): void
  /** The album (chooseMedia or chooseImage) answers with these pictures, as temporary files. */
  answerPhotos(photos: readonly { bytes: Uint8Array; extension?: string }[]): void
  /** The options of every call of a wx API, in order. */
  calls(api: string): unknown[]
  /** The bytes of a temporary file the app handled. */
  tempFile(path: string): Buffer | undefined
  /** The build's `Taro` object (found through webpack's module table), for what no page calls yet. */
  taro(): Record<string, unknown>
  /** Stops listening for the app's unhandled rejections. */
  close(): void
}

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string }[] }
}

/** Every route of the build, main package first, then each subpackage's. */
export function routesOf(dist: string): string[] {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as AppJson
  return [...app.pages, ...(app.subPackages ?? app.subpackages ?? []).flatMap((sub) => sub.pages.map((page) => posix.join(sub.root, page)))]
}

/**
 * The apps' unhandled promise rejections (the vm shares Node's event loop, so
 * they reach `process`): one listener for all live mini-programs, each told.
 */
const rejectionSinks = new Set<(reason: unknown) => void>()
const onAnyRejection = (reason: unknown) => rejectionSinks.forEach((sink) => sink(reason))
/** Node's own process: under Jest, `process` is a stand-in object whose events the real one never fires. */
const nodeProcess = vm.runInThisContext('process') as NodeJS.Process
function listenForRejections(sink: (reason: unknown) => void): void {
  if (rejectionSinks.size === 0) nodeProcess.on('unhandledRejection', onAnyRejection)
  rejectionSinks.add(sink)
}
function stopListening(sink: (reason: unknown) => void): void {
  rejectionSinks.delete(sink)
  if (rejectionSinks.size === 0) nodeProcess.off('unhandledRejection', onAnyRejection)
}

/** WeChat hands a page its query as written in the URL: split, not decoded. */
function parseUrl(url: string, from: string | undefined): { route: string; query: Record<string, string> } {
  const [path = '', search = ''] = url.split('?')
  const route = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(from ?? ''), path)
  const query: Record<string, string> = {}
  for (const pair of search.split('&').filter(Boolean)) {
    const at = pair.indexOf('=')
    query[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? '' : pair.slice(at + 1)
  }
  return { route: route.replace(/\.js$/, ''), query }
}

/** An error as the report shows it: its stack (the app's file and line), or what was logged. */
function describeError(error: unknown): string {
  if (Array.isArray(error)) return error.map(describeError).join(' ')
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'stack' in error)) {
    const { stack, message } = error as Error
    return (stack ?? message).split('\n').slice(0, 6).join('\n')
  }
  return String(error)
}

export async function launchMiniProgram(options: MiniProgramOptions): Promise<MiniProgram> {
  const clock = new VirtualClock()
  const files = new TempFiles()
  const http = createHttp(options.apiOrigin, files)
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}))
  const answers = new Map<string, NativeAnswer>(Object.entries(options.answers ?? {}))
  const log: WxCall[] = []
  const errors: unknown[] = []
  let reported = 0
  const untemplatedSeen = new Set<string>()
  const appJson = JSON.parse(readFileSync(join(options.dist, 'app.json'), 'utf8')) as AppJson
  const routes = routesOf(options.dist)
  const launch = { path: routes[0], query: {}, scene: 1001, referrerInfo: {} }

  const quiet = () => undefined
  const appConsole = {
    ...console, log: quiet, info: quiet, debug: quiet, trace: quiet,
    // A warning counts as a failure too: Taro warns of an API the runtime lacks, which would fail on a phone.
    warn: (...args: unknown[]) => void errors.push(['console.warn:', ...args]),
    error: (...args: unknown[]) => void errors.push(args),
  }
  const onRejection = (reason: unknown) => void errors.push(reason)
  listenForRejections(onRejection)

  let stack: PageStack | null = null
  let appInstance: Config | undefined
  const pageStack = () => stack ?? (() => { throw new Error('the app has not launched') })()
  // The loader needs `wx`, and `wx` the loader's realm: these reach it (`build`, made below) once it is there.
  const host = {
    toApp: <T>(value: T) => build.toApp(value),
    arrayBuffer: (bytes: Uint8Array) => build.arrayBuffer(bytes),
  }

  const navigate = (api: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab', url: string) => {
    const { route, query } = parseUrl(url, pageStack().top?.route)
    if (!routes.includes(route)) throw new Error(`page "${route}" is not found`)
    if (api === 'switchTab' && !(appJson.tabBar?.list ?? []).some((tab) => tab.pagePath === route)) throw new Error('can not switch to no-tabBar page')
    if (api === 'navigateTo') pageStack().push(route, query)
    else if (api === 'redirectTo') pageStack().redirect(route, query)
    else pageStack().relaunch(route, query)
  }

  const wx = createWx({
    clock, files, http, storage, answers, log, ...host, navigate, navigateBack: (delta) => pageStack().back(delta),
    privacy: { agreed: options.privacyAgreed ?? false }, launch,
  })
  const build = new BuildLoader({
    dist: options.dist,
    globals: {
      wx, console: appConsole,
      setTimeout: (run: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => clock.add(() => run(...args), ms),
      setInterval: (run: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => clock.add(() => run(...args), ms, true),
      clearTimeout: (id: unknown) => clock.clear(id), clearInterval: (id: unknown) => clock.clear(id),
      getApp: () => appInstance, getCurrentPages: () => [...pageStack().pages],
    },
  })
  const reader = new TreeReader(readTemplates(options.dist))
  stack = new PageStack((route) => build.loadPage(route), { soon: (run) => clock.soon(run), toApp: host.toApp, instanceApis: instanceApis() })

  function instanceApis(): Record<string, unknown> {
    return {
      selectComponent: () => null, selectAllComponents: () => [],
      createSelectorQuery: () => (wx.createSelectorQuery as () => unknown)(),
      getOpenerEventChannel: () => ({ emit: quiet, on: quiet, once: quiet, off: quiet }),
    }
  }

  async function drain(): Promise<void> {
    const deadline = Date.now() + 30_000
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve))
      if (http.pending === 0) return
      if (Date.now() > deadline) throw new Error('settle: a request has had no answer for 30 s')
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
  }

  async function settle(virtualMs = 5_000): Promise<void> {
    const horizon = clock.now + virtualMs
    for (let turns = 0; ; turns++) {
      if (turns > 100_000) throw new Error('settle: the app never went idle (a timer keeps setting timers)')
      await drain()
      let ran: boolean
      try {
        ran = clock.runNext(horizon)
      } catch (error) {
        errors.push(error)
        ran = true
      }
      if (!ran) break
    }
    for (const page of pageStack().pages) {
      const missing = reader.untemplated(page.data.root as TaroNode | undefined).filter((tag) => !untemplatedSeen.has(`${page.route} ${tag}`))
      missing.forEach((tag) => untemplatedSeen.add(`${page.route} ${tag}`))
      if (missing.length > 0) errors.push(new Error(`${page.route} renders nodes with no template in base.wxml (WeChat draws nothing for them): ${missing.join(', ')}`))
    }
    if (errors.length > reported) {
      const fresh = errors.slice(reported)
      reported = errors.length
      throw new Error(`the mini-program failed:\n${fresh.map(describeError).join('\n---\n')}`)
    }
  }

  try {
    const appConfig = build.loadApp()
    appInstance = appConfig
    ;(appConfig.onLaunch as ((o: unknown) => void) | undefined)?.call(appConfig, host.toApp(launch))
    ;(appConfig.onShow as ((o: unknown) => void) | undefined)?.call(appConfig, host.toApp(launch))
    await settle()
  } catch (error) {
    stopListening(onRejection)
    throw error
  }

  const handles = new WeakMap<PageInstance, PageHandle>()
  function handle(page: PageInstance): PageHandle {
    const known = handles.get(page)
    if (known) return known
    const root = () => page.data.root as TaroNode | undefined
    const one = (selector: string): Hit => {
      const hit = reader.select(root(), selector)[0]
      if (!hit) throw new Error(`nothing matches "${selector}" on ${page.route}:\n${reader.text(root())}`)
      return hit
    }
    const fire = async (selector: string, type: string, detail: Record<string, unknown> = {}) => {
      dispatch(page, { toApp: host.toApp, now: () => clock.now }, one(selector), type, detail)
      await settle()
    }
    const made: PageHandle = {
      route: page.route, instance: page,
      get tree() { return root() },
      text: () => reader.text(root()),
      outline: () => reader.outline(root()),
      all: (selector) => reader.select(root(), selector).map((hit) => reader.describe(hit.node)),
      find: (selector) => made.all(selector)[0] ?? null,
      get: (selector) => reader.describe(one(selector).node),
      untemplated: () => reader.untemplated(root()),
      tap: (selector) => fire(selector, 'tap', tapDetail()),
      input: (selector, value) => fire(selector, 'input', inputDetail(value)),
      change: (selector, value) => fire(selector, 'change', { value }),
      fire,
      async reshow() {
        pageStack().reshow(page)
        await settle()
      },
    }
    handles.set(page, made)
    return made
  }

  let taroObject: Record<string, unknown> | null = null
  return {
    routes, log, storage, errors, touched: build.touched,
    get pages() { return pageStack().pages.map(handle) },
    async openPage(route, query = {}) {
      if (!routes.includes(route)) throw new Error(`${route} is not a page of app.json`)
      const page = pageStack().push(route, query)
      await settle()
      return handle(page)
    },
    current() {
      const top = pageStack().top
      if (!top) throw new Error('no page is open')
      return handle(top)
    },
    async back(delta = 1) {
      pageStack().back(delta)
      await settle()
    },
    settle,
    answer: (api, answer) => void answers.set(api, answer),
    answerPhotos(photos) {
      const pick = (temp: TempFiles) => photos.map((p) => ({ path: temp.put(p.bytes, p.extension ?? 'jpg'), size: p.bytes.byteLength }))
      answers.set('chooseMedia', (_o, temp) => ({ type: 'image', tempFiles: pick(temp).map((f) => ({ tempFilePath: f.path, size: f.size, fileType: 'image', width: 0, height: 0, duration: 0, thumbTempFilePath: '' })) }))
      answers.set('chooseImage', (_o, temp) => {
        const picked = pick(temp)
        return { tempFilePaths: picked.map((f) => f.path), tempFiles: picked }
      })
    },
    calls: (api) => log.filter((call) => call.api === api).map((call) => call.options),
    tempFile: (path) => files.get(path),
    taro() {
      taroObject ??= findTaro(wx)
      return taroObject
    },
    close: () => stopListening(onRejection),
  }
}

/**
 * The build's `Taro` object, found in webpack's module table: a chunk pushed onto
 * `wx.webpackJsonp` with a runtime function receives `__webpack_require__`, and
 * the module that exports an object with `pxTransform` and `initPxTransform` is Taro.
 */
function findTaro(wx: Record<string, unknown>): Record<string, unknown> {
  type WebpackRequire = ((id: string) => Record<string, unknown>) & { m: Record<string, { toString(): string }> }
  let webpackRequire: WebpackRequire | null = null
  const jsonp = wx.webpackJsonp as { push(chunk: unknown): void } | undefined
  if (!jsonp) throw new Error('the build has no wx.webpackJsonp')
  jsonp.push([['huzhu-harness-probe'], {}, (require: WebpackRequire) => void (webpackRequire = require)])
  const found = webpackRequire as WebpackRequire | null
  if (!found) throw new Error('webpack did not run the probe chunk')
  for (const id of Object.keys(found.m)) {
    if (!found.m[id]!.toString().includes('initPxTransform')) continue
    for (const value of Object.values(found(id))) {
      if (value && typeof value === 'object' && typeof (value as Record<string, unknown>).pxTransform === 'function' && typeof (value as Record<string, unknown>).initPxTransform === 'function') {
        return value as Record<string, unknown>
      }
    }
  }
  throw new Error('no module of the build exports Taro')
}
