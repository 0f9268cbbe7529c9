import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { calendarUi, eventKindLabels, fillTemplate, formatYuan, staffUi, type ClaimSummary } from '@huzhu/shared'
import { formatDate } from '../../lib/format'
import { chinaTime, shortClaimNumber } from '../lib/format'
import { staffUrls } from '../lib/staff-routes'

/**
 * One claim in a list: who and what (status, overdue, flags); which claim (its
 * short number, the event date, when it was submitted), so two claims of one
 * person and kind are told apart; when due and the engine's amount.
 */
export function ClaimRow({ claim }: { claim: ClaimSummary }) {
  return (
    <View
      id={`claim-row-${claim.id}`}
      className={`claim-row${claim.overdue ? ' claim-row--overdue' : ''}`}
      data-overdue={claim.overdue}
      data-status={claim.status}
      onClick={() => Taro.navigateTo({ url: staffUrls.claim(claim.id) })}
    >
      <View className='staff-row'>
        <Text className='claim-row__name'>{claim.personName}</Text>
        <Text className='staff-muted'>{eventKindLabels[claim.kind]}</Text>
        <Text className='staff-tag'>{staffUi.claimStatus[claim.status]}</Text>
        {claim.overdue && <Text className='staff-tag staff-tag--error'>{staffUi.review.overdue}</Text>}
        {claim.flags.length > 0 && <Text className='staff-tag staff-tag--error'>{fillTemplate(staffUi.review.flags, { count: claim.flags.length })}</Text>}
      </View>
      <View className='staff-row claim-row__which'>
        <Text className='claim-row__number' data-claim-number={shortClaimNumber(claim.id)}>{fillTemplate(staffUi.review.number, { number: shortClaimNumber(claim.id) })}</Text>
        <Text className='staff-muted claim-row__event'>{fillTemplate(staffUi.review.eventDate, { date: formatDate(claim.eventDate) })}</Text>
        <Text className='staff-muted claim-row__submitted'>{fillTemplate(staffUi.review.submitted, { time: chinaTime(claim.submittedAt) })}</Text>
      </View>
      <View className='staff-row'>
        <Text className={claim.overdue ? 'staff-error-text' : 'staff-muted'}>{fillTemplate(staffUi.review.due, { date: formatDate(claim.dueOn) })}</Text>
        {claim.dueOnProvisional && <Text id={`claim-row-${claim.id}-due-provisional`} className='staff-tag'>{calendarUi.provisional}</Text>}
        <Text className='staff-muted'>{fillTemplate(staffUi.review.estimate, { amount: formatYuan(claim.approvedFen ?? claim.estimateFen) })}</Text>
      </View>
    </View>
  )
}
