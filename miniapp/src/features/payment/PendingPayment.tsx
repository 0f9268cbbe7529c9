import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { fillTemplate, formatYuan, fundingSourceLabels, ui, type Enrolment } from '@huzhu/shared'
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
  // The rider pays all of it, or their share: the amount and the reference to write on the transfer.
  const pays = payer === 'member' || payer === 'split'
  return (
    <View id='pending-payment' className='card pending-payment'>
      <Text className='card__title'>{ui.payment.title}</Text>
      {pays && (
        <View className='pending-payment__amount'>
          <Text className='pending-payment__amount-label'>{ui.payment.amountDue}</Text>
          <Text id='pending-payment-amount' className='pending-payment__amount-value'>{formatYuan(enrolment.premiumFen)}</Text>
        </View>
      )}
      <Text id='pending-payment-how' className='pending-payment__how'>
        {payer === 'member'
          ? ui.payment.howToPay
          : payer === 'split'
            ? ui.payment.splitShare
            : fillTemplate(ui.payment.fundedByOthers, { funding: fundingSourceLabels[payer] })}
      </Text>
      {pays && (
        <View className='pending-payment__reference'>
          <Text className='hint'>{ui.payment.reference}</Text>
          <Text id='pending-payment-reference' className='pending-payment__reference-value'>{enrolment.id}</Text>
        </View>
      )}
      <Text id='card-not-active' className='hint'>{ui.card.notActive}</Text>
      {checked && !refreshing && <Text id='pending-payment-still' className='notice'>{ui.payment.stillPending}</Text>}
      <Button id='payment-refresh' type='primary' block loading={refreshing} onClick={onRefresh}>{ui.payment.refresh}</Button>
    </View>
  )
}
