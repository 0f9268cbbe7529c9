import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ui, type Enrolment, type Quote } from '@huzhu/shared'
import { getCatalogue } from '../../api'
import { ApiError, errorMessage } from '../../api/errors'
import { createMyEnrolment, hasMyProfile, listMyEnrolments } from '../../api/member'
import { getToken } from '../../api/token'
import { Screen } from '../../components/Screen'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { CoverCard } from '../../features/cover/CoverCard'
import { PendingPayment } from '../../features/payment/PendingPayment'
import { useEnrolmentStatus } from '../../features/payment/use-enrolment-status'
import { QuoteDetails } from '../../features/quote/QuoteDetails'
import { liveQuote } from '../../features/quote/live-quote'
import { ViolationList } from '../../features/quote/ViolationList'
import { currentPageUrl, goToLogin } from '../../lib/auth'
import { parseEnrolConfirmParams, routes, withRedirect, type EnrolConfirmParams } from '../../lib/routes'
import { useToday } from '../../lib/today'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { useReshowCount } from '../../lib/use-reshow'
import './index.scss'

function backToPlans() {
  Taro.navigateBack().catch(() => Taro.reLaunch({ url: routes.plans }))
}

/**
 * After submitting: the enrolment as the server recorded it and its payment
 * state. Awaiting payment, the way on is paying (the amount and how); the card
 * is offered only once the cover is active.
 */
function Submitted({ enrolment: submitted }: { enrolment: Enrolment }) {
  const { enrolment, refreshing, checked, error, refresh } = useEnrolmentStatus(submitted)
  return (
    <View id='enrol-result' className='enrol-result'>
      <Text id='enrol-submitted' className='card__title'>{ui.enrol.submitted}</Text>
      {enrolment.status === 'pending_payment' && (
        <PendingPayment enrolment={enrolment} refreshing={refreshing} checked={checked} onRefresh={() => void refresh()} />
      )}
      <CoverCard enrolment={enrolment} />
      {error && <Text id='enrol-refresh-error' className='field-error'>{error}</Text>}
      <View className='actions'>
        {enrolment.status === 'active' && (
          <Button id='enrol-view-card' type='primary' block onClick={() => void Taro.redirectTo({ url: routes.card(enrolment.id) })}>
            {ui.enrol.viewCard}
          </Button>
        )}
        <Button id='enrol-home' block onClick={() => void Taro.reLaunch({ url: routes.home })}>{ui.enrol.home}</Button>
      </View>
    </View>
  )
}

/** The way on: log in, fill in the real-name profile, or submit. */
function SubmitArea({ params, quote, onSubmitted, onQuoteChanged }: {
  params: EnrolConfirmParams
  quote: Quote
  onSubmitted: (e: Enrolment) => void
  onQuoteChanged: () => void
}) {
  const signedIn = getToken() !== null
  // Only whether there is a profile (`GET /me`): the ID number itself is not needed here.
  const profile = useLoad(hasMyProfile, signedIn ? [] : null)
  const revalidate = useRevalidate()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (!signedIn) {
    return <Button id='enrol-login' type='primary' block onClick={() => goToLogin()}>{ui.enrol.loginFirst}</Button>
  }
  if (profile.status === 'loading') return <LoadingState id='enrol-profile-loading' />
  if (profile.status === 'error') return <ErrorState id='enrol-profile-error' message={profile.message} onRetry={() => Taro.reLaunch({ url: currentPageUrl() })} />
  if (!profile.value) {
    return (
      <View className='actions'>
        <Text className='notice'>{ui.enrol.profileNeeded}</Text>
        <Button id='enrol-profile' type='primary' block onClick={() => void Taro.navigateTo({ url: withRedirect(routes.profile, currentPageUrl()) })}>
          {ui.enrol.profileFirst}
        </Button>
      </View>
    )
  }

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const enrolment = await createMyEnrolment({
        catalogueId: params.catalogueId,
        products: [...params.codes],
        expectedPremiumFen: quote.premiumFen,
        ...(params.eventId ? { eventId: params.eventId } : {}),
      })
      // The home screen and the card show the new cover without a reload.
      void revalidate(listMyEnrolments)
      onSubmitted(enrolment)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'quote_changed') {
        onQuoteChanged()
      } else {
        setError(errorMessage(e))
      }
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='actions'>
      {error && <Text id='enrol-error' className='field-error'>{error}</Text>}
      <Button id='enrol-submit' type='primary' block loading={busy} onClick={() => void submit()}>
        {busy ? ui.enrol.submitting : ui.enrol.submit}
      </Button>
    </View>
  )
}

/** The chosen plan, quoted again as of today (the day may have changed since it was ticked), and the submit. */
function ConfirmPlan({ params }: { params: EnrolConfirmParams }) {
  const { catalogueId, codes } = params
  const today = useToday()
  const [submitted, setSubmitted] = useState<Enrolment | null>(null)
  const [quoteChanged, setQuoteChanged] = useState(false)
  // Shown again after logging in or filling in the profile: the way on is checked afresh.
  const shown = useReshowCount()
  const state = useLoad(getCatalogue, [catalogueId], { keep: true })
  const retry = state.retry
  // The server priced it differently (the catalogue changed, or the day did): quote again from fresh data and say so.
  const onQuoteChanged = () => {
    setQuoteChanged(true)
    retry()
  }

  if (submitted) return <Submitted enrolment={submitted} />
  if (state.status === 'loading') return <LoadingState id='confirm-loading' />
  if (state.status === 'error') return <ErrorState id='confirm-error' message={state.message} onRetry={retry} />
  const catalogue = state.value
  const live = liveQuote(catalogue, codes, today)
  const violations = [...live.general, ...[...live.byProduct.values()].flat()]
  return (
    <>
      <View id='confirm-plan' className='card confirm-plan'>
        <Text className='card__title'>{ui.enrol.plan}</Text>
        <Text className='confirm-plan__name'>{catalogue.data.name}</Text>
      </View>
      {quoteChanged && <Text id='enrol-quote-changed' className='notice'>{ui.enrol.quoteChanged}</Text>}
      <ViolationList id='confirm-violations' violations={violations} />
      {live.quote && (
        <View id='confirm-quote' className='card'>
          <QuoteDetails catalogue={catalogue} quote={live.quote} />
        </View>
      )}
      <Text className='confirm-next'>{ui.enrol.nextStep}</Text>
      {live.quote && <SubmitArea key={shown} params={params} quote={live.quote} onSubmitted={setSubmitted} onQuoteChanged={onQuoteChanged} />}
      <Button id='confirm-back' className='confirm-back' block onClick={backToPlans}>
        {ui.enrol.back}
      </Button>
    </>
  )
}

/** Enrolment: confirm the plan chosen on the plans screen, then submit it. */
export default function EnrolConfirmPage() {
  const params = parseEnrolConfirmParams(useRouter().params)
  return (
    <Screen className='page-enrol-confirm'>
      {params && params.codes.length > 0 ? (
        <ConfirmPlan params={params} />
      ) : (
        <>
          <EmptyState id='confirm-empty' message={ui.enrol.noSelection} />
          <Button id='confirm-back' className='confirm-back' block onClick={backToPlans}>
            {ui.enrol.back}
          </Button>
        </>
      )}
    </Screen>
  )
}
