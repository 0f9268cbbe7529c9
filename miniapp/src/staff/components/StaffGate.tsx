import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { staffUi, type MeResponse } from '@huzhu/shared'
import { ErrorState, LoadingState } from '../../components/StateView'
import { mayOpen, type StaffPage } from '../lib/access'
import { useMe } from '../lib/use-me'

/** Where a signed-out person signs in (the member app's log-in page), coming back here afterwards. */
export const LOGIN_URL = '/pages/login/index'

function currentPath(): string {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') return window.location.pathname + window.location.search
  return ''
}

function goSignIn() {
  const back = currentPath()
  Taro.navigateTo({ url: back ? `${LOGIN_URL}?redirect=${encodeURIComponent(back)}` : LOGIN_URL }).catch(() => undefined)
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
