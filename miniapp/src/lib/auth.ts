import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { SIGNED_OUT } from '../api/client'
import { getToken } from '../api/token'
import { routes, withRedirect } from './routes'

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The current page's URL with its query (Taro's own bookkeeping parameters left out). */
export function currentPageUrl(): string {
  const router = Taro.getCurrentInstance().router
  const path = (router?.path ?? routes.home).split('?')[0] ?? routes.home
  const params = Object.entries(router?.params ?? {})
    .filter(([key, value]) => !key.startsWith('$') && key !== 'stamp' && typeof value === 'string')
    .map(([key, value]) => `${key}=${encodeURIComponent(safeDecode(value as string))}`)
  return params.length > 0 ? `${path}?${params.join('&')}` : path
}

export function goToLogin(back: string = currentPageUrl()): void {
  void Taro.navigateTo({ url: withRedirect(routes.login, back) })
}

/**
 * For pages that need a signed-in member: without a session, swaps this page
 * for the login page, which comes back here afterwards. Returns whether the
 * page may load its data.
 */
export function useSignedIn(): boolean {
  const [, setVersion] = useState(0)
  useEffect(() => {
    const listener = () => setVersion((n) => n + 1)
    Taro.eventCenter.on(SIGNED_OUT, listener)
    return () => void Taro.eventCenter.off(SIGNED_OUT, listener)
  }, [])
  const signedIn = getToken() !== null
  const redirected = useRef(false)
  useEffect(() => {
    if (signedIn || redirected.current) return
    redirected.current = true
    // A moment's grace: a session found expired while the page is still being mounted must not
    // race Taro's own page-stack bookkeeping.
    const back = currentPageUrl()
    setTimeout(() => {
      const url = withRedirect(routes.login, back)
      Taro.redirectTo({ url }).catch(() => Taro.reLaunch({ url }))
    }, 50)
  }, [signedIn])
  return signedIn
}

const pathOf = (url: string) => (url.split('?')[0] ?? '').replace(/^\//, '')

/**
 * Back to the page that sent the member away (to log in, to fill in the
 * profile): the page under this one when it is that page (it refreshes when
 * shown again), else that page in place of this one. No page is stacked twice.
 */
export function returnTo(url: string): void {
  const pages = Taro.getCurrentPages()
  const previous = pages.length > 1 ? pages[pages.length - 2] : undefined
  if (previous && pathOf(previous.route ?? '') === pathOf(url)) void Taro.navigateBack()
  else void Taro.redirectTo({ url }).catch(() => Taro.reLaunch({ url }))
}
