import type { Config } from './loader'

/**
 * Page instances as WeChat makes them from a `Page()` config, and the page
 * stack with WeChat's lifecycle order: navigateTo hides the top page and loads
 * the new one (`onLoad(query)` → `onShow` → first render → `onReady`);
 * navigateBack unloads the top page and shows the one below; redirectTo unloads
 * the top page first; reLaunch unloads them all. WeChat keeps at most 10 pages.
 */

export interface PageInstance extends Record<string, unknown> {
  route: string
  __route__: string
  options: Record<string, string>
  data: Record<string, unknown>
  setData(patch: Record<string, unknown>, callback?: () => void): void
}

type Hook = (...args: unknown[]) => unknown

export const MAX_PAGES = 10

/**
 * WeChat's setData keys are paths: `root.cn.[0].cn[2].v` sets one value deep in
 * `data`, making the objects and arrays on the way. Taro's first render sends
 * `{'root.cn.[0]': tree}` and every later update a path under it.
 */
export function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)
  if (parts.length === 0) throw new Error(`setData: an empty key`)
  let at: Record<string, unknown> = target
  parts.slice(0, -1).forEach((part, i) => {
    const next = at[part]
    if (next === null || typeof next !== 'object') at[part] = /^\d+$/.test(parts[i + 1]!) ? [] : {}
    at = at[part] as Record<string, unknown>
  })
  at[parts.at(-1)!] = value
}

export interface PageHost {
  /** Schedules work after the current turn (setData's callback: after WeChat has drawn). */
  soon(run: () => void): void
  /** Turns a host value into one of the app's realm (the query handed to onLoad). */
  toApp<T>(value: T): T
  /** Native helpers every page instance carries (createSelectorQuery, …). */
  instanceApis: Record<string, unknown>
  /** Every setData, for a test that wants to count renders. */
  onSetData?(page: PageInstance, patch: Record<string, unknown>): void
}

/** A page instance: a copy of the config's fields and methods, its own deep copy of `data`, and `setData`. */
export function createPageInstance(config: Config, route: string, query: Record<string, string>, host: PageHost): PageInstance {
  const page = { ...config } as PageInstance
  Object.assign(page, host.instanceApis, {
    route, __route__: route, options: { ...query }, data: structuredClone(config.data ?? {}),
    setData(patch: Record<string, unknown>, callback?: () => void) {
      for (const [key, value] of Object.entries(patch)) setPath(page.data, key, value)
      host.onSetData?.(page, patch)
      if (callback) host.soon(callback)
    },
  })
  return page
}

const call = (page: PageInstance | undefined, hook: string, ...args: unknown[]) => (page?.[hook] as Hook | undefined)?.call(page, ...args)

export class PageStack {
  readonly pages: PageInstance[] = []

  constructor(private readonly loadPage: (route: string) => Config, private readonly host: PageHost) {}

  get top(): PageInstance | undefined {
    return this.pages.at(-1)
  }

  /** navigateTo: the top page is hidden, the new one loaded and shown; onReady follows the first render. */
  push(route: string, query: Record<string, string>): PageInstance {
    if (this.pages.length >= MAX_PAGES) throw new Error('webview count limit exceed')
    const config = this.loadPage(route)
    call(this.top, 'onHide')
    const page = createPageInstance(config, route, query, this.host)
    this.pages.push(page)
    call(page, 'onLoad', this.host.toApp(query))
    call(page, 'onShow')
    this.host.soon(() => call(page, 'onReady'))
    return page
  }

  redirect(route: string, query: Record<string, string>): PageInstance {
    this.loadPage(route) // a route that does not load fails before the current page goes
    call(this.pages.pop(), 'onUnload')
    return this.push(route, query)
  }

  relaunch(route: string, query: Record<string, string>): PageInstance {
    this.loadPage(route)
    while (this.pages.length > 0) call(this.pages.pop(), 'onUnload')
    return this.push(route, query)
  }

  back(delta = 1): void {
    if (this.pages.length <= 1) throw new Error('cannot navigate back at first page.')
    for (let i = 0; i < delta && this.pages.length > 1; i++) call(this.pages.pop(), 'onUnload')
    call(this.top, 'onShow')
  }

  /** Another page (or a native picker) covered this one and went away again. */
  reshow(page: PageInstance): void {
    call(page, 'onHide')
    call(page, 'onShow')
  }
}
