import { useCallback } from 'react'
import { useDidShow } from '@tarojs/taro'
import useSWR, { useSWRConfig, type SWRConfiguration } from 'swr'
import useSWRInfinite, { unstable_serialize as listKeyOf } from 'swr/infinite'
import type { Endpoint, QueryValues, ResponseOf } from '@huzhu/shared'
import { call, errorMessage } from '../api'
import { pageShown } from './data-config'

/**
 * What a screen renders from a load: loading, the failure in Chinese, or the value (kept when a later reload
 * fails: `refreshFailed` says why, for a screen that shows it).
 */
export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: T; refreshFailed?: string }

/**
 * A load's state; `retry`: load again ("try again", or "reload" after a write); `set`: the new value a write
 * answered with, for every screen showing this load (no second request).
 */
export type ApiState<T> = AsyncState<T> & { retry: () => void; set: (value: T) => void }

/** A function of the API layer, one per endpoint (`getClaim`, `fetchUnit`, ...): what `useLoad` calls. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any arguments: the key names them
type Loader = (...args: any[]) => Promise<unknown>

/** A direct call of a contract entry: the path's parameters and the query. */
export interface ApiArgs {
  params?: Readonly<Record<string, string | number>>
  query?: QueryValues
}

/** `call` as the fetcher of a `useApi` key: [callEndpoint, endpoint, args]. */
function callEndpoint(endpoint: Endpoint, args: ApiArgs | undefined): Promise<unknown> {
  return (call as (e: Endpoint, options?: ApiArgs) => Promise<unknown>)(endpoint, args)
}

/** What a screen that keeps a load for the session says (a plan's catalogue: the same all day). */
const keepForSession: SWRConfiguration = { revalidateIfStale: false, revalidateOnFocus: false, revalidateOnReconnect: false }

/** The fetcher of every key: [load, ...args] calls load(...args). */
const fetchKey = ([load, ...args]: readonly unknown[]) => (load as Loader)(...args)

/** `keep`: loaded once for the session; `refreshMs`: read again every so often while the screen is open. */
export interface LoadOptions {
  keep?: boolean
  refreshMs?: number
}

function swrOptions(options: LoadOptions | undefined): SWRConfiguration | undefined {
  if (options?.keep) return keepForSession
  return options?.refreshMs ? { refreshInterval: options.refreshMs } : undefined
}

function useKeyed<T>(key: readonly unknown[] | null, options: LoadOptions | undefined): ApiState<T> {
  const { data, error, isValidating, mutate } = useSWR<T, unknown, readonly unknown[] | null>(
    key,
    fetchKey as (key: readonly unknown[]) => Promise<T>,
    swrOptions(options),
  )
  // A page shown again (back from the claim form, from paying) refreshes what every screen on it shows.
  useDidShow(pageShown)
  const retry = useCallback(() => void mutate(), [mutate])
  const set = useCallback((value: T) => void mutate(value, { revalidate: false }), [mutate])
  const failed = error !== undefined && !isValidating
  if (data !== undefined) return { status: 'ready', value: data, ...(failed ? { refreshFailed: errorMessage(error) } : {}), retry, set }
  if (failed) return { status: 'error', message: errorMessage(error), retry, set }
  return { status: 'loading', retry, set }
}

/**
 * Loads `load(...args)` through the app's data cache, keyed by the API function and its arguments: two
 * screens asking for the same thing share one request and its answer, and a write elsewhere refreshes it
 * (`useRevalidate`). `args` null: nothing to load yet.
 */
export function useLoad<A extends readonly unknown[], T>(load: (...args: A) => Promise<T>, args: A | null, options?: LoadOptions): ApiState<T> {
  return useKeyed<T>(args === null ? null : [load, ...args], options)
}

/** A contract entry through the data cache, keyed by the entry and its parameters: `useApi(endpoints.users.getMe)`. */
export function useApi<E extends Endpoint>(endpoint: E, args?: ApiArgs | null): ApiState<ResponseOf<E>> {
  return useKeyed<ResponseOf<E>>(args === null ? null : [callEndpoint, endpoint, args ?? {}], undefined)
}

/**
 * After a write: refreshes every cached load of these API functions or contract entries (whatever their
 * arguments), and the paged lists of these functions, so the screens that show them (this page's, and those
 * the user goes back to) show the new state.
 */
export function useRevalidate(): (...targets: readonly (Loader | Endpoint)[]) => Promise<void> {
  const { mutate, cache } = useSWRConfig()
  return useCallback(
    async (...targets) => {
      const matches = (key: unknown) => Array.isArray(key) && (targets.includes(key[0] as Loader) || (key[0] === callEndpoint && targets.includes(key[1] as Endpoint)))
      // A paged list (`usePages`) is kept by swr's infinite loader under a key of its own, made from its first
      // page's key, which a filter does not reach: found here by its first page.
      const lists = [...cache.keys()].flatMap((key) => {
        // `_k`: the key as the hook gave it (swr keeps it with each entry; its filter reads the same).
        const pageKey = (cache.get(key) as { _k?: unknown } | undefined)?._k
        if (!matches(pageKey)) return []
        const listKey = listKeyOf(() => pageKey as readonly unknown[])
        return cache.get(listKey) === undefined ? [] : [listKey]
      })
      await Promise.all([mutate(matches), ...lists.map((key) => mutate(key))])
    },
    [mutate, cache],
  )
}

/** A list read page by page: the rows loaded so far (null before the first page), the failure, "more" and "try again". */
export interface PagesState<R> {
  rows: R[] | null
  error: string | null
  /** Loads the next page; null when the last page is loaded (or while one is loading). */
  more: (() => void) | null
  retry: () => void
}

/**
 * A list the server pages with a cursor (`nextCursor` in each answer), through swr's infinite loader keyed like
 * `useLoad`: [load, query with the page's cursor]. A new query starts again from its first page; a page shown
 * again refreshes the pages loaded.
 */
export function usePages<Q extends object, P extends { nextCursor: string | null }, R>(
  load: (query: Q & { cursor?: string }) => Promise<P>,
  query: Q,
  rowsOf: (page: P) => R[],
): PagesState<R> {
  const { data, error, isValidating, size, setSize, mutate } = useSWRInfinite<P, unknown>(
    (index, previous: P | null) => (index === 0 ? [load, query] : previous && previous.nextCursor !== null ? [load, { ...query, cursor: previous.nextCursor }] : null),
    fetchKey as (key: readonly unknown[]) => Promise<P>,
  )
  useDidShow(pageShown)
  const retry = useCallback(() => void mutate(), [mutate])
  const last = data?.[data.length - 1]
  const loadingMore = isValidating && data !== undefined && size > data.length
  return {
    rows: data ? data.flatMap(rowsOf) : null,
    error: error !== undefined && !isValidating ? errorMessage(error) : null,
    more: last && last.nextCursor !== null && !loadingMore ? () => void setSize(size + 1) : null,
    retry,
  }
}
