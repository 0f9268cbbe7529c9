import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { types } from 'node:util'
import vm from 'node:vm'

/**
 * The mini-program's JavaScript engine, as far as a Taro build needs it: one
 * `vm` context holding the globals WeChat gives (`wx`, `App`, `Page`,
 * `Component`, `getApp`, `getCurrentPages`, timers, `console`) and nothing a
 * browser has, and WeChat's module system, where every file is a CommonJS
 * module and `require` resolves relative to the file that calls it.
 *
 * `app.js` requires `./runtime`, `./taro`, `./vendors` and `./common`, then
 * pushes its chunk onto `wx.webpackJsonp`; a page file calls `Page(config)`
 * (a subpackage page requires its `sub-vendors`/`sub-common` files first), so
 * the loader records which route it is loading to know whose config that is.
 */

/** A page's (or the app's) options object as the build hands it to `Page()`/`App()`. */
export type Config = Record<string, unknown> & { data?: Record<string, unknown> }

/** Browser globals looked up by the code (typeof probes included): WeChat has none of them. */
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'location', 'self', 'localStorage', 'sessionStorage', 'XMLHttpRequest', 'fetch', 'requestAnimationFrame', 'MessageChannel', 'Image', 'Blob', 'FileReader']

export interface LoaderOptions {
  dist: string
  /** Globals of the stand-in runtime: `wx`, timers, `console`, `getApp`, `getCurrentPages`. */
  globals: Record<string, unknown>
}

export class BuildLoader {
  readonly dist: string
  /** Browser globals the app's code looked up. */
  readonly touched = new Set<string>()
  private readonly context: vm.Context
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly pages = new Map<string, Config>()
  private appConfig: Config | null = null
  private loadingRoute: string | null = null
  private readonly appJson: JSON
  private readonly AppArrayBuffer: ArrayBufferConstructor
  private readonly AppArray: ArrayConstructor
  private readonly AppObject: ObjectConstructor

  constructor({ dist, globals }: LoaderOptions) {
    this.dist = resolve(dist)
    const sandbox: Record<string, unknown> = {
      ...globals,
      App: (config: Config) => void (this.appConfig = config),
      Page: (config: Config) => this.register(config, 'Page'),
      // A page built as a component (Taro does not, but a native page could): its config stands for the page.
      Component: (config: Config) => {
        if (this.loadingRoute !== null && !this.pages.has(this.loadingRoute)) this.register(config, 'Component')
      },
      Behavior: (behavior: unknown) => behavior,
      requirePlugin: () => ({}),
    }
    for (const name of BROWSER_GLOBALS) {
      Object.defineProperty(sandbox, name, { get: () => void this.touched.add(name), configurable: true, enumerable: false })
    }
    this.context = vm.createContext(sandbox)
    this.appJson = vm.runInContext('JSON', this.context) as JSON
    this.AppArrayBuffer = vm.runInContext('ArrayBuffer', this.context) as ArrayBufferConstructor
    this.AppArray = vm.runInContext('Array', this.context) as ArrayConstructor
    this.AppObject = vm.runInContext('Object', this.context) as ObjectConstructor
  }

  /**
   * A value re-made of the app realm's objects and arrays, so the app's
   * `instanceof Object`/`Array` checks hold for it; bytes (a Buffer, a typed
   * array, an ArrayBuffer) become an ArrayBuffer of the app realm, as WeChat
   * hands binary data over.
   */
  toApp<T>(value: T): T {
    const copy = (v: unknown): unknown => {
      if (v === null || typeof v !== 'object') return v
      if (v instanceof this.AppArrayBuffer) return v
      if (types.isAnyArrayBuffer(v)) return this.arrayBuffer(new Uint8Array(v))
      if (ArrayBuffer.isView(v)) return this.arrayBuffer(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))
      if (Array.isArray(v)) return this.AppArray.from(v, copy)
      if (v instanceof Date) return this.appJson.parse(JSON.stringify(v))
      const object = new this.AppObject() as Record<string, unknown>
      for (const [key, item] of Object.entries(v)) if (item !== undefined && typeof item !== 'function') object[key] = copy(item)
      return object
    }
    return copy(value) as T
  }

  /** Bytes as an ArrayBuffer of the app realm (what `readFile` and `request` hand the app). */
  arrayBuffer(bytes: Uint8Array): ArrayBuffer {
    const buffer = new this.AppArrayBuffer(bytes.byteLength)
    new Uint8Array(buffer).set(bytes)
    return buffer
  }

  /** Evaluates `app.js` (and what it requires); returns the config it handed to `App()`. */
  loadApp(): Config {
    this.load(join(this.dist, 'app.js'))
    if (this.appConfig === null) throw new Error('app.js did not call App()')
    return this.appConfig
  }

  /** The `Page()` config of a route, evaluating its file the first time. */
  loadPage(route: string): Config {
    const known = this.pages.get(route)
    if (known) return known
    this.loadingRoute = route
    try {
      this.load(join(this.dist, `${route}.js`))
    } finally {
      this.loadingRoute = null
    }
    const config = this.pages.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    return config
  }

  /** Code evaluated inside the app's realm (for the harness's own probes). */
  evaluate<T>(code: string): T {
    return vm.runInContext(code, this.context) as T
  }

  private register(config: Config, by: string): void {
    if (this.loadingRoute === null) throw new Error(`${by}() called while no page was being loaded`)
    this.pages.set(this.loadingRoute, config)
  }

  private load(file: string): unknown {
    const known = this.modules.get(file)
    if (known) return known.exports
    const module = { exports: {} as unknown }
    this.modules.set(file, module)
    const source = readFileSync(file, 'utf8')
    const factory = vm.runInContext(`(function (require, module, exports) {${source}\n})`, this.context, { filename: relative(this.dist, file) }) as (
      require: (request: string) => unknown, module: { exports: unknown }, exports: unknown,
    ) => void
    factory((request) => this.load(this.resolve(dirname(file), request)), module, module.exports)
    return module.exports
  }

  private resolve(fromDir: string, request: string): string {
    const file = request.startsWith('/') ? join(this.dist, request) : resolve(fromDir, request)
    if (!file.startsWith(this.dist)) throw new Error(`require outside the build: ${request}`)
    return file.endsWith('.js') ? file : `${file}.js`
  }
}
