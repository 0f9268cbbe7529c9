import { Text, View } from '@tarojs/components'
import { coverCategoryLabels, daysBetween, fillTemplate, formatYuan, fundingSourceLabels, ui, type Enrolment } from '@huzhu/shared'
import { formatDate, formatInstantDate } from '../../lib/format'
import { coverFromParts, DateParts } from '../quote/DateParts'
import './cover.scss'

/** The last day a category is still waiting: the first day everything pays, or null when nothing waits. */
export function waitingEnds(enrolment: Enrolment): string | null {
  const dates = Object.values(enrolment.coverFrom).filter((d) => d > enrolment.start)
  return dates.length > 0 ? dates.sort().at(-1)! : null
}

/** Per waiting-period category (住院, 意外, …), the first day it pays: earliest first. */
export function coverFromByCategory(enrolment: Enrolment): { category: string; name: string; date: string; waitingDays: number }[] {
  return Object.entries(enrolment.coverFrom)
    .map(([category, date]) => ({ category, name: coverCategoryLabels[category] ?? category, date, waitingDays: Math.max(0, daysBetween(enrolment.start, date)) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

export function CoverStateBadge({ id, state }: { id?: string; state: Enrolment['coverState'] }) {
  return <Text id={id} className={`badge badge--${state}`}>{ui.coverState[state]}</Text>
}

/** One enrolment at a glance: plan, products, state today, dates, when waiting ends, payment. */
export function CoverCard({ enrolment, onOpen }: { enrolment: Enrolment; onOpen?: () => void }) {
  const until = waitingEnds(enrolment)
  return (
    <View id={`cover-${enrolment.id}`} className='card cover-card' onClick={onOpen}>
      <View className='cover-card__head'>
        <Text className='cover-card__name'>{enrolment.catalogueName}</Text>
        <CoverStateBadge id={`cover-${enrolment.id}-state`} state={enrolment.coverState} />
      </View>
      <Text className='cover-card__products'>{enrolment.products.map((p) => `${p.code} ${p.name}`).join('、')}</Text>
      <Text className='hint'>{fillTemplate(ui.home.coverRange, { start: formatDate(enrolment.start), end: formatDate(enrolment.end) })}</Text>
      {until && (enrolment.coverState === 'waiting' || enrolment.coverState === 'not_started' || enrolment.coverState === 'pending_payment') && (
        <View id={`cover-${enrolment.id}-waiting`} className='cover-card__from'>
          <Text className='hint'>{ui.home.coverFromTitle}</Text>
          {coverFromByCategory(enrolment).map((c) => (
            <View key={c.category} id={`cover-${enrolment.id}-from-${c.category}`} className='cover-card__from-row'>
              <Text className='hint cover-card__from-name'>{c.name}</Text>
              <DateParts className='hint cover-card__from-date' parts={coverFromParts(c.date, c.waitingDays)} />
            </View>
          ))}
        </View>
      )}
      <Text id={`cover-${enrolment.id}-payment`} className='hint'>
        {enrolment.payment
          ? fillTemplate(ui.payment.confirmed, { date: formatInstantDate(enrolment.payment.confirmedAt) })
          : enrolment.status === 'pending_payment'
            ? fillTemplate(ui.payment.pending, { funding: fundingSourceLabels[enrolment.fundingSource] })
            : ''}
      </Text>
      <Text className='hint'>{fillTemplate(ui.home.premium, { amount: formatYuan(enrolment.premiumFen) })}</Text>
    </View>
  )
}
