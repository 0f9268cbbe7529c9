import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ui, type Catalogue } from '@huzhu/shared'
import { getCatalogue } from '../../api'
import { ErrorState, LoadingState } from '../../components/StateView'
import { enrolConfirmUrlWithEvent } from '../../lib/routes'
import { useToday } from '../../lib/today'
import { useLoad } from '../../lib/use-api'
import { liveQuote } from '../quote/live-quote'
import { ViolationList } from '../quote/ViolationList'
import { ProductList } from './ProductList'
import { QuoteBar } from './QuoteBar'
import { QuotePanel } from './QuotePanel'
import './plans.scss'

interface Props {
  catalogueId: string
  codes: readonly string[]
  onCodesChange: (codes: readonly string[]) => void
  onRetry: () => void
  /** The outreach event the member came from: passed on to the enrolment. */
  eventId?: string
}

/** Ticked codes in catalogue order, so the premium lines read like the product list. */
function toggle(catalogue: Catalogue, codes: readonly string[], code: string, selected: boolean): string[] {
  const next = new Set(codes)
  if (selected) next.add(code)
  else next.delete(code)
  return catalogue.data.products.map((p) => p.code).filter((c) => next.has(c))
}

/** One catalogue: its products to tick, the live quote, and the way on to enrolment. */
export function CataloguePlans({ catalogueId, codes, onCodesChange, onRetry, eventId }: Props) {
  const today = useToday()
  const state = useLoad(getCatalogue, [catalogueId], { keep: true })
  const catalogue = state.status === 'ready' ? state.value : null
  const live = useMemo(() => (catalogue ? liveQuote(catalogue, codes, today) : null), [catalogue, codes, today])

  if (state.status === 'loading') return <LoadingState id='catalogue-loading' />
  if (state.status === 'error') return <ErrorState id='catalogue-error' message={state.message} onRetry={onRetry} />
  if (!catalogue || !live) return null

  const onToggle = (code: string, selected: boolean) => onCodesChange(toggle(catalogue, codes, code, selected))
  const onNext = () => void Taro.navigateTo({ url: enrolConfirmUrlWithEvent({ catalogueId, codes, ...(eventId ? { eventId } : {}) }) })
  return (
    <View className='catalogue-plans'>
      {catalogue.data.illustrative !== undefined && (
        <Text id='catalogue-illustrative' className='notice'>{ui.plans.illustrative}</Text>
      )}
      <ViolationList id='plan-violations' violations={live.general} />
      <ProductList catalogue={catalogue} codes={codes} live={live} onToggle={onToggle} />
      <QuotePanel catalogue={catalogue} live={live} acceptedOn={today} />
      <QuoteBar quote={live.quote} onNext={onNext} />
    </View>
  )
}
