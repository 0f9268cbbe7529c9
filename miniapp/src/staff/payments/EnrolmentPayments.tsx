import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { owedFen, fillTemplate, formatYuan, staffUi, type Enrolment, type Payment } from '@huzhu/shared'
import { ErrorState, LoadingState } from '../../components/StateView'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { PaidNotice, PaymentForm } from '../components/PaymentForm'
import { fetchEnrolments } from '../lib/staff-api'

/**
 * An event's pending enrolments: choose them (one catalogue per transfer) and
 * confirm the payment. A payment confirmed elsewhere on the page reloads the list
 * (the data cache); `onPaid` tells the page of one confirmed here.
 */
export function EnrolmentPayments({ eventId, onPaid }: { eventId: string; onPaid?: () => void }) {
  // Payments confirmed here: a new payment form after each.
  const [version, setVersion] = useState(0)
  const pending = useLoad(fetchEnrolments, [{ eventId, status: 'pending_payment', limit: '200' }])
  const revalidate = useRevalidate()
  const [deselected, setDeselected] = useState<string[]>([])
  const [paid, setPaid] = useState<Payment | null>(null)
  const notice = paid && <PaidNotice id='event-payment-done' payment={paid} />
  if (pending.status === 'loading') return <>{notice}<LoadingState id='enrolment-payments-loading' /></>
  if (pending.status === 'error') return <ErrorState id='enrolment-payments-error' message={pending.message} onRetry={pending.retry} />
  const list = pending.value.enrolments
  if (list.length === 0) {
    return (
      <>
        {notice}
        <Text id='enrolment-payments-empty' className='staff-muted'>{staffUi.payment.noPending}</Text>
      </>
    )
  }
  const catalogueId = list[0]!.catalogueId
  const chosen: Enrolment[] = list.filter((e) => e.catalogueId === catalogueId && !deselected.includes(e.id))
  const total = chosen.reduce((sum, e) => sum + owedFen(e.shares), 0)
  return (
    <View id='enrolment-payments' className='staff-card'>
      {notice}
      <Text className='staff-card__title'>{staffUi.payment.selectPending}</Text>
      {list.map((e) => {
        const on = e.catalogueId === catalogueId && !deselected.includes(e.id)
        return (
          <View
            key={e.id}
            id={`enrolment-select-${e.id}`}
            className={`staff-chip${on ? ' staff-chip--on' : ''}`}
            role='checkbox'
            aria-checked={on}
            onClick={() => setDeselected((d) => (on ? [...d, e.id] : d.filter((id) => id !== e.id)))}
          >
            <Text>{`${e.person.name} ${e.person.idNumber} · ${e.catalogueName} · ${formatYuan(owedFen(e.shares))}`}</Text>
          </View>
        )
      })}
      <Text className='staff-muted'>{fillTemplate(staffUi.payment.selectedTotal, { count: chosen.length, amount: formatYuan(total) })}</Text>
      {chosen.length > 0 && (
        <PaymentForm
          key={`${version}-${total}`}
          idPrefix='event-payment'
          catalogueId={catalogueId}
          target={{ enrolmentIds: chosen.map((e) => e.id) }}
          amountFen={total}
          onPaid={(payment) => {
            setPaid(payment)
            setVersion((n) => n + 1)
            void revalidate(fetchEnrolments)
            onPaid?.()
          }}
        />
      )}
    </View>
  )
}
