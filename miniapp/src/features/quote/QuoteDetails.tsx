import { Text, View } from '@tarojs/components'
import { daysBetween, fillTemplate, ui, type Catalogue, type Quote } from '@huzhu/shared'
import { formatBasisPoints, formatDate, formatSignedYuan } from '../../lib/format'
import { coverFromParts, coverRangeParts, DateParts } from './DateParts'
import './quote.scss'

/**
 * A valid quote, line by line: each product's premium, the bundle discount,
 * the half-year proration, the total, the cover period and, per category,
 * the first day it pays after its waiting period.
 */
export function QuoteDetails({ catalogue, quote }: { catalogue: Catalogue; quote: Quote }) {
  return (
    <View className='quote-details'>
      <View className='quote-lines'>
        {quote.lines.map((line) => (
          <View key={`${line.kind}-${line.product}`} id={`quote-line-${line.product}`} className={`quote-line quote-line--${line.kind}`}>
            <Text className='quote-line__name'>
              {line.kind === 'product' ? `${line.product} ${line.name}` : line.name}
              {line.shares > 1 ? ` ${fillTemplate(ui.quote.shares, { shares: line.shares })}` : ''}
            </Text>
            <Text className='quote-line__amount'>{formatSignedYuan(line.premiumFen)}</Text>
          </View>
        ))}
      </View>
      {quote.proration && (
        <Text id='quote-proration' className='quote-note'>
          {fillTemplate(ui.quote.proration, {
            date: formatDate(quote.start),
            label: quote.proration.label,
            percent: formatBasisPoints(quote.proration.rateBp),
          })}
        </Text>
      )}
      <View id='quote-total' className='quote-total'>
        <Text className='quote-total__label'>{ui.quote.total}</Text>
        <Text className='quote-total__amount'>{formatSignedYuan(quote.premiumFen)}</Text>
      </View>
      <View id='quote-cover-period' className='quote-row'>
        <Text className='quote-row__label'>{ui.quote.coverPeriod}</Text>
        <DateParts className='quote-row__value' parts={coverRangeParts(quote.start, quote.end)} separator=' ' />
      </View>
      <Text className='quote-subtitle'>{ui.quote.coverFrom}</Text>
      {Object.entries(quote.coverFrom).map(([category, date]) => {
        const waitingDays = daysBetween(quote.start, date)
        return (
          <View key={category} id={`quote-cover-from-${category}`} className='quote-row'>
            <Text className='quote-row__label'>{catalogue.categoryNames.get(category) ?? category}</Text>
            <DateParts className='quote-row__value' parts={coverFromParts(date, waitingDays)} />
          </View>
        )
      })}
    </View>
  )
}
