import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { staffUi } from '@huzhu/shared'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { Chips } from '../components/Chips'
import { StaffGate } from '../components/StaffGate'
import { fetchEnrolments, fetchEvents, fetchPendingEnrolments } from '../lib/staff-api'
import { param, staffUrls } from '../lib/staff-routes'
import { BankStatementImport } from './BankStatementImport'
import { ClaimPayments } from './ClaimPayments'
import { EnrolmentPayments } from './EnrolmentPayments'
import { PendingEnrolments } from './PendingEnrolments'
import '../staff.scss'
import './index.scss'

function EnrolmentPaymentDesk({ initialEventId }: { initialEventId: string | undefined }) {
  const [eventId, setEventId] = useState(initialEventId)
  // Without the events the list offers none; the other ways to pay still work.
  const events = useLoad(fetchEvents, [])
  // A payment confirmed in one list takes its enrolments out of the other too.
  const revalidate = useRevalidate()
  const paidHere = () => void revalidate(fetchEnrolments, fetchPendingEnrolments)
  return (
    <View id='enrolment-payment-desk' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.claimPayments.enrolmentPayments}</Text>
      <PendingEnrolments onPaid={paidHere} />
      <Text className='staff-field__label'>{staffUi.claimPayments.byEvent}</Text>
      <Chips
        idPrefix='payment-event'
        options={events.status === 'ready' ? events.value.map((e) => ({ value: e.id, label: `${e.date} ${e.name}` })) : []}
        selected={eventId ? [eventId] : []}
        onChange={([value]) => setEventId(value)}
      />
      {eventId && <EnrolmentPayments key={eventId} eventId={eventId} onPaid={paidHere} />}
      <Button id='payment-by-unit' className='staff-button' onClick={() => Taro.navigateTo({ url: staffUrls.unit() })}>
        {staffUi.claimPayments.byUnit}
      </Button>
    </View>
  )
}

/**
 * Staff payments: approved claims paid through the bank (a batch, its transfer
 * file, the bank's results);
 * enrolment payments: bank transfers matched by importing the bank statement
 * (payment codes in the memos); money paid at the office (cash, a cheque)
 * confirmed for any pending enrolment found by name or phone (self-enrolments
 * included), an event's, or a unit's (on the unit's page).
 */
export default function PaymentsPage() {
  const params = useRouter().params
  const eventId = param(params, 'eventId')
  const unitId = param(params, 'unitId')
  // Enrolments paid by a bank statement leave the pending lists: they are read again.
  const [matched, setMatched] = useState(0)
  // A unit's payments are confirmed on the unit's page.
  useEffect(() => {
    if (unitId) void Taro.redirectTo({ url: staffUrls.unit(unitId) })
  }, [unitId])
  return (
    <View className='staff-page'>
      <StaffGate page='payments'>
        {() => (
          <View className='staff-wrap'>
            <BankStatementImport onMatched={() => setMatched((n) => n + 1)} />
            <View className='staff-columns'>
              <ClaimPayments />
              <EnrolmentPaymentDesk key={matched} initialEventId={eventId} />
            </View>
          </View>
        )}
      </StaffGate>
    </View>
  )
}
