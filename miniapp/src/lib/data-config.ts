import { createElement, useEffect, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { SWRConfig, useSWRConfig, type SWRConfiguration } from 'swr'
import { SESSION_ENDED, SIGNED_IN, SIGNED_OUT } from '../api/token'

/**
 * How swr (the app's data cache) learns that a page is looked at again and that the network is back,
 * in both builds. swr's own defaults listen to `window` focus and `online` events and read
 * `document.visibilityState`: in the mini-program `window` and `document` are Taro's partial stand-ins that
 * send none of those, so here a page shown again (Taro's `onShow`: back from another page, or the app
 * brought to the front) is the "focus", and WeChat's network status is the connection.
 */

type Listener = () => void
const shownListeners = new Set<Listener>()
let shownPending = false

/**
 * A page was shown again: every screen's data is refreshed (one refresh however many hooks report the
 * same show). Called by `useApi`/`useLoad` through Taro's `useDidShow`.
 */
export function pageShown(): void {
  if (shownPending) return
  shownPending = true
  setTimeout(() => {
    shownPending = false
    shownListeners.forEach((listener) => listener())
  }, 0)
}

const isWeapp = process.env.TARO_ENV === 'weapp'
let online = true

function initFocus(callback: Listener): () => void {
  shownListeners.add(callback)
  // In the browser, the tab coming back to the front also counts (Taro's H5 router shows no page then).
  const onVisibility = () => document.visibilityState !== 'hidden' && callback()
  if (!isWeapp && typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility)
  return () => {
    shownListeners.delete(callback)
    if (!isWeapp && typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility)
  }
}

function initReconnect(callback: Listener): () => void {
  const changed = (connected: boolean) => {
    online = connected
    if (connected) callback()
  }
  if (isWeapp) {
    const onStatus = (result: { isConnected: boolean }) => changed(result.isConnected)
    Taro.onNetworkStatusChange?.(onStatus)
    return () => Taro.offNetworkStatusChange?.(onStatus)
  }
  if (typeof window === 'undefined' || !window.addEventListener) return () => undefined
  const onOnline = () => changed(true)
  const onOffline = () => changed(false)
  window.addEventListener('online', onOnline)
  window.addEventListener('offline', onOffline)
  return () => {
    window.removeEventListener('online', onOnline)
    window.removeEventListener('offline', onOffline)
  }
}

/**
 * The app's swr settings. A failed load is not retried on its own: the screen says what went wrong and
 * offers "try again" (a member on a weak network decides when). A page shown again refreshes at most once
 * a second.
 */
export const dataConfig: SWRConfiguration = {
  provider: () => new Map(),
  initFocus,
  initReconnect,
  isOnline: () => online,
  // A mini-program in the background does not run at all; in the browser a hidden tab does not refresh.
  isVisible: () => isWeapp || typeof document === 'undefined' || document.visibilityState !== 'hidden',
  shouldRetryOnError: false,
  focusThrottleInterval: 1000,
}

/**
 * A session that starts or ends empties the cache: nothing one account loaded is shown to the next (a rider
 * who switches accounts, a staff member signing in on a shared phone). After a sign-in or a refused session the
 * open screens load afresh; a session ended on purpose (data deletion, switching account) loads nothing more.
 */
function ForgetOnSessionChange({ children }: { children?: ReactNode }) {
  const { mutate } = useSWRConfig()
  useEffect(() => {
    const forget = () => void mutate(() => true, undefined, { revalidate: true })
    const forgetQuietly = () => void mutate(() => true, undefined, { revalidate: false })
    Taro.eventCenter.on(SIGNED_IN, forget)
    Taro.eventCenter.on(SIGNED_OUT, forget)
    Taro.eventCenter.on(SESSION_ENDED, forgetQuietly)
    return () => {
      Taro.eventCenter.off(SIGNED_IN, forget)
      Taro.eventCenter.off(SIGNED_OUT, forget)
      Taro.eventCenter.off(SESSION_ENDED, forgetQuietly)
    }
  }, [mutate])
  return children
}

/** The data cache the app's pages share: one per app run (and one per test render). */
export function DataProvider({ children }: { children?: ReactNode }) {
  return createElement(SWRConfig, { value: dataConfig }, createElement(ForgetOnSessionChange, null, children))
}
