import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { staffUi, type MeResponse } from '@huzhu/shared'
import { ErrorState, LoadingState } from '../../components/StateView'
import { currentPageUrl } from '../../lib/auth'
import { routes, withRedirect } from '../../lib/routes'
import { mayOpen, type StaffPage } from '../lib/access'
import { useMe } from '../lib/use-me'

/** This page's URL with its query: the browser's own in H5, Taro's record of the page in the mini-program. */
function currentPath(): string {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') return window.location.pathname + window.location.search
  return currentPageUrl()
}

/**
 * To the member app's log-in page, which comes back to this page afterwards
 * (`back` to it: it stays open underneath); `useMe` hears of the new session.
 */
function goSignIn() {
  Taro.navigateTo({ url: withRedirect(routes.login, currentPath()) }).catch(() => undefined)
}

/** "You may not open this": what a member who opens a staff URL sees (the server refuses the data anyway). */
export function NoPermission() {
  return (
    <View id='staff-forbidden' className='staff-state staff-state--forbidden'>
      <Text className='staff-state__text'>{staffUi.home.noPermission}</Text>
    </View>
  )
}

/**
 * Loads the signed-in account and shows `children(me)` only to the roles the page
 * allows; a signed-out visitor is sent to sign in, anyone else sees "no permission".
 */
export function StaffGate({ page, children }: { page: StaffPage; children: (me: MeResponse) => ReactNode }) {
  const state = useMe()
  if (state.status === 'loading') return <LoadingState id='staff-loading' />
  if (state.status === 'error') return <ErrorState id='staff-error' message={state.message} onRetry={state.retry} />
  if (state.status === 'signed_out') {
    return (
      <View id='staff-signed-out' className='staff-state'>
        <Text className='staff-state__text'>{staffUi.home.signInFirst}</Text>
        <Button id='staff-sign-in' className='staff-button staff-button--primary' onClick={goSignIn}>
          {staffUi.home.signIn}
        </Button>
      </View>
    )
  }
  if (!mayOpen(state.me, page)) return <NoPermission />
  return <>{children(state.me)}</>
}
