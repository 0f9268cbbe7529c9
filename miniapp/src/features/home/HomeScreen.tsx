import { Fragment, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { dataRequestUi, ui, type Enrolment } from '@huzhu/shared'
import { SIGNED_OUT } from '../../api/client'
import { getToken } from '../../api/token'
import { listMyEnrolments, listNotifications } from '../../api/member'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { StaffEntryLink } from '../../components/StaffEntryLink'
import { goToLogin } from '../../lib/auth'
import { setLargeText, useLargeText } from '../../lib/large-text'
import { routes } from '../../lib/routes'
import { useLoad } from '../../lib/use-api'
import { CoverCard } from '../cover/CoverCard'
import { RenewalOffer } from '../renewal/RenewalOffer'
import { EventBanner } from './EventBanner'
import './home.scss'

/** Current cover first: what is in force or about to be, then the rest; cancelled ones are left out. */
export function coverOrder(enrolments: readonly Enrolment[]): Enrolment[] {
  const rank: Record<Enrolment['coverState'], number> = { covered: 0, waiting: 1, pending_payment: 2, not_started: 3, ended: 4, cancelled: 5 }
  return enrolments.filter((e) => e.coverState !== 'cancelled').sort((a, b) => rank[a.coverState] - rank[b.coverState] || (a.start < b.start ? 1 : -1))
}

/** An expired session shows the login prompt again instead of an error. */
function useSignedOutRefresh() {
  const [, setVersion] = useState(0)
  useEffect(() => {
    const listener = () => setVersion((n) => n + 1)
    Taro.eventCenter.on(SIGNED_OUT, listener)
    return () => void Taro.eventCenter.off(SIGNED_OUT, listener)
  }, [])
}

function go(url: string, needsLogin: boolean) {
  if (needsLogin && getToken() === null) goToLogin(url)
  else void Taro.navigateTo({ url })
}

function MyCover() {
  const state = useLoad(listMyEnrolments, [])
  if (state.status === 'loading') return <LoadingState id='home-cover-loading' />
  if (state.status === 'error') return <ErrorState id='home-cover-error' message={state.message} onRetry={state.retry} />
  const enrolments = coverOrder(state.value)
  if (enrolments.length === 0) {
    return (
      <View id='home-no-cover' className='card'>
        <EmptyState id='home-cover-empty' message={ui.home.noCover} />
        <Text id='home-cover-not-linked' className='hint'>{ui.home.coverNotLinked}</Text>
        <Button id='home-enrol-now' type='primary' block onClick={() => go(routes.plans, false)}>{ui.home.enrolNow}</Button>
      </View>
    )
  }
  return (
    <View id='home-cover' className='home__cover'>
      {enrolments.map((e) => (
        <Fragment key={e.id}>
          <CoverCard enrolment={e} onOpen={() => go(routes.card(e.id), true)} />
          <RenewalOffer enrolment={e} />
        </Fragment>
      ))}
    </View>
  )
}

function UnreadBadge() {
  const state = useLoad(listNotifications, [])
  if (state.status !== 'ready' || state.value.unread === 0) return null
  return <Text id='home-unread' className='home__unread'>{state.value.unread}</Text>
}

/**
 * Home, the first screen: my cover at a glance and three big actions
 * (参保, 理赔, 保障卡); an outreach event's QR code lands here first.
 */
export function HomeScreen({ eventCode }: { eventCode?: string }) {
  useSignedOutRefresh()
  const signedIn = getToken() !== null
  const large = useLargeText()
  return (
    <View id='home-screen' className='screen home'>
      {eventCode && <EventBanner code={eventCode} />}
      <View className='home__actions'>
        <View id='home-action-enrol' className='home__action home__action--enrol' onClick={() => go(routes.plans, false)}>
          <Text className='home__action-name'>{ui.home.enrol}</Text>
          <Text className='home__action-hint'>{ui.home.enrolHint}</Text>
        </View>
        <View id='home-action-claim' className='home__action home__action--claim' onClick={() => go(routes.claimNew, true)}>
          <Text className='home__action-name'>{ui.home.claim}</Text>
          <Text className='home__action-hint'>{ui.home.claimHint}</Text>
        </View>
        <View id='home-action-card' className='home__action home__action--card' onClick={() => go(routes.card(), true)}>
          <Text className='home__action-name'>{ui.home.card}</Text>
          <Text className='home__action-hint'>{ui.home.cardHint}</Text>
        </View>
      </View>
      <Text className='card__title'>{ui.home.myCover}</Text>
      {signedIn ? (
        <MyCover />
      ) : (
        <View id='home-login-prompt' className='card'>
          <Text className='hint'>{ui.home.loginPrompt}</Text>
          <Button id='home-login' type='primary' block onClick={() => goToLogin(routes.home)}>{ui.home.login}</Button>
        </View>
      )}
      <View className='card home__links'>
        <View id='home-link-claims' className='link home__link' onClick={() => go(routes.claimList, true)}>{ui.home.myClaims}</View>
        <View id='home-link-messages' className='link home__link' onClick={() => go(routes.messages, true)}>
          <Text>{ui.home.messages}</Text>
          {signedIn && <UnreadBadge />}
        </View>
        <View id='home-link-profile' className='link home__link' onClick={() => go(routes.profile, true)}>{ui.home.profile}</View>
        {signedIn && <View id='home-link-data' className='link home__link' onClick={() => go(routes.myData, true)}>{dataRequestUi.title}</View>}
        {signedIn && <StaffEntryLink className='link home__link' />}
        <View id='home-large-text' className='link home__link' onClick={() => setLargeText(!large)}>
          {large ? ui.settings.largeTextOn : ui.settings.largeTextOff}
        </View>
      </View>
    </View>
  )
}
