import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { fillTemplate, formatYuan, fundingSourceLabels, owedFen, ui, type Enrolment } from '@huzhu/shared'
import { getClientConfig } from '../../api/member'
import { useLoad } from '../../lib/use-api'
import { PayOnline } from './PayOnline'
import './payment.scss'

/**
 * An enrolment waiting for its premium: what the rider pays and how, or that
 * someone else pays it; the card comes once the office confirms the payment.
 * The one place that says how to pay: online payment, when it comes, goes
 * here. `checked`: a refresh found it still unpaid.
 */
export function PendingPayment({ enrolment, refreshing, checked, onRefresh }: {
  enrolment: Enrolment
  refreshing: boolean
  checked: boolean
  onRefresh: () => void
}) {
  const payer = enrolment.fundingSource
  // The rider pays all of it, or their share: the amount and the payment code to write in the transfer's memo.
  const due = owedFen(enrolment.shares, 'member')
  const pays = (payer === 'member' || payer === 'split') && due > 0
  // WeChat Pay when the office has it: the rider's own share (the whole premium, or their part of a split).
  const config = useLoad(getClientConfig, [])
  const online = pays && config.status === 'ready' && config.value?.onlinePayment === true
  return (
    <View id='pending-payment' className='card pending-payment'>
      <Text className='card__title'>{ui.payment.title}</Text>
      {pays && (
        <View className='pending-payment__amount'>
          <Text className='pending-payment__amount-label'>{ui.payment.amountDue}</Text>
          <Text id='pending-payment-amount' className='pending-payment__amount-value'>{formatYuan(due)}</Text>
        </View>
      )}
      {online && <PayOnline enrolment={enrolment} onPaid={onRefresh} />}
      <Text id='pending-payment-how' className='pending-payment__how'>
        {payer === 'member'
          ? online ? ui.payment.orOffline : ui.payment.howToPay
          : payer === 'split'
            ? ui.payment.splitShare
            : fillTemplate(ui.payment.fundedByOthers, { funding: fundingSourceLabels[payer] })}
      </Text>
      {pays && enrolment.paymentCode !== null && (
        <View className='pending-payment__reference'>
          <Text className='hint'>{ui.payment.reference}</Text>
          <Text id='pending-payment-reference' className='pending-payment__reference-value' userSelect>{enrolment.paymentCode}</Text>
        </View>
      )}
      <Text id='card-not-active' className='hint'>{ui.card.notActive}</Text>
      {checked && !refreshing && <Text id='pending-payment-still' className='notice'>{ui.payment.stillPending}</Text>}
      <Button id='payment-refresh' type={online ? 'default' : 'primary'} block loading={refreshing} onClick={onRefresh}>{ui.payment.refresh}</Button>
    </View>
  )
}
