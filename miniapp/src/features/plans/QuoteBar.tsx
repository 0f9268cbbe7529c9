import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ui, type Quote } from '@huzhu/shared'
import { formatSignedYuan } from '../../lib/format'
import './plans.scss'

/** Fixed at the bottom, under the thumb: the total and the way on. */
export function QuoteBar({ quote, onNext }: { quote: Quote | null; onNext: () => void }) {
  return (
    <View id='quote-bar' className='quote-bar'>
      <View className='quote-bar__total'>
        <Text className='quote-bar__label'>{ui.quote.total}</Text>
        <Text id='quote-bar-amount' className='quote-bar__amount'>{quote ? formatSignedYuan(quote.premiumFen) : '—'}</Text>
      </View>
      <Button id='quote-next' className='quote-bar__next' type='primary' disabled={quote === null} onClick={onNext}>
        {ui.plans.next}
      </Button>
    </View>
  )
}
