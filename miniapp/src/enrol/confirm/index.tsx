import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ui } from '@huzhu/shared'
import { clearCatalogueCache, getCatalogue } from '../../api'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { QuoteDetails } from '../../features/quote/QuoteDetails'
import { liveQuote } from '../../features/quote/live-quote'
import { ViolationList } from '../../features/quote/ViolationList'
import { parseEnrolConfirmParams, type EnrolConfirmParams } from '../../lib/routes'
import { useToday } from '../../lib/today'
import { useAsync } from '../../lib/use-async'
import './index.scss'

function backToPlans() {
  Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))
}

/** The chosen plan, quoted again as of today (the day may have changed since it was ticked). */
function ConfirmPlan({ catalogueId, codes }: EnrolConfirmParams) {
  const today = useToday()
  const [attempt, setAttempt] = useState(0)
  const state = useAsync(() => getCatalogue(catalogueId), [catalogueId, attempt])
  const retry = () => {
    clearCatalogueCache()
    setAttempt((n) => n + 1)
  }

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
      <ViolationList id='confirm-violations' violations={violations} />
      {live.quote && (
        <View id='confirm-quote' className='card'>
          <QuoteDetails catalogue={catalogue} quote={live.quote} />
        </View>
      )}
      <Text className='confirm-next'>{ui.enrol.nextStep}</Text>
    </>
  )
}

/** Enrolment, step one: confirm the plan chosen on the plans screen. */
export default function EnrolConfirmPage() {
  const params = parseEnrolConfirmParams(useRouter().params)
  return (
    <View className='page page-enrol-confirm'>
      {params && params.codes.length > 0 ? (
        <ConfirmPlan catalogueId={params.catalogueId} codes={params.codes} />
      ) : (
        <EmptyState id='confirm-empty' message={ui.enrol.noSelection} />
      )}
      <Button id='confirm-back' className='confirm-back' block onClick={backToPlans}>
        {ui.enrol.back}
      </Button>
    </View>
  )
}
