import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { calendarUi, eventKindLabels, fillTemplate, formatYuan, ui } from '@huzhu/shared'
import { listMyClaims } from '../../api/member'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { formatDate } from '../../lib/format'
import { routes } from '../../lib/routes'
import { useLoad } from '../../lib/use-api'
import './claims.scss'

/** 我的理赔: newest first, each with its status, amount and due date. */
export function ClaimList() {
  const state = useLoad(listMyClaims, [])
  const newClaim = <Button id='claims-new' type='primary' block onClick={() => void Taro.navigateTo({ url: routes.claimNew })}>{ui.claim.new}</Button>
  if (state.status === 'loading') return <LoadingState id='claims-loading' />
  if (state.status === 'error') return <ErrorState id='claims-error' message={state.message} onRetry={state.retry} />
  return (
    <View id='claims-list' className='actions'>
      {newClaim}
      {state.value.length === 0 && <EmptyState id='claims-empty' message={ui.claim.empty} />}
      {state.value.map((c) => (
        <View key={c.id} id={`claim-${c.id}`} className='card claim-item' onClick={() => void Taro.navigateTo({ url: routes.claimDetail(c.id) })}>
          <View className='claim-item__head'>
            <Text className='card__title'>{fillTemplate(ui.claim.eventOn, { kind: eventKindLabels[c.kind], date: formatDate(c.eventDate) })}</Text>
            <Text className={`badge badge--${c.status}`}>{ui.claimStatus[c.status]}</Text>
          </View>
          <Text className='hint'>
            {c.approvedFen !== null ? `${ui.claim.approvedTotal} ${formatYuan(c.approvedFen)}` : fillTemplate(ui.claim.estimateOf, { amount: formatYuan(c.estimateFen) })}
          </Text>
          {(c.status === 'submitted' || c.status === 'in_review') && <Text className='hint'>{fillTemplate(ui.claim.dueOn, { date: formatDate(c.dueOn) })}</Text>}
          {(c.status === 'submitted' || c.status === 'in_review') && c.dueOnProvisional && <Text id={`claim-${c.id}-due-provisional`} className='hint'>{calendarUi.provisional}</Text>}
        </View>
      ))}
    </View>
  )
}
