import { Text, View } from '@tarojs/components'
import { fillTemplate, ui, type Catalogue, type CivilDate } from '@huzhu/shared'
import { formatDate } from '../../lib/format'
import { QuoteDetails } from '../quote/QuoteDetails'
import type { LiveQuote } from '../quote/live-quote'
import './plans.scss'

/** The live quote under the product list: a hint, what to fix, or the quote line by line. */
export function QuotePanel({ catalogue, live, acceptedOn }: { catalogue: Catalogue; live: LiveQuote; acceptedOn: CivilDate }) {
  let body
  if (live.quote) body = <QuoteDetails catalogue={catalogue} quote={live.quote} />
  else if (live.isEmpty) body = <Text id='quote-empty' className='quote-hint'>{ui.quote.empty}</Text>
  else body = <Text id='quote-blocked' className='quote-hint quote-hint--blocked'>{ui.quote.fixFirst}</Text>

  return (
    <View id='quote-panel' className='card quote-panel'>
      <Text className='card__title'>{ui.quote.title}</Text>
      <Text className='quote-hint'>{fillTemplate(ui.quote.asOf, { date: formatDate(acceptedOn) })}</Text>
      {body}
    </View>
  )
}
