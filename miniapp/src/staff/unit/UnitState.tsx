import { Text, View } from '@tarojs/components'
import { formatYuan, staffUi } from '@huzhu/shared'
import { ErrorState, LoadingState } from '../../components/StateView'
import { useLoad } from '../../lib/use-api'
import { fetchEnrolments, type UnitView } from '../lib/staff-api'
import { UnitMembers } from './UnitMembers'
import { UnitPaymentCodes } from './UnitPaymentCodes'

function Figure({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <View className='staff-field'>
      <Text className='staff-field__label'>{label}</Text>
      <Text id={id} className='unit-figure'>{value}</Text>
    </View>
  )
}

/** The unit's enrolment and payment state: counts, premium due, the people enrolled. */
export function UnitState({ unit }: { unit: UnitView }) {
  const enrolments = useLoad(fetchEnrolments, [{ unitId: unit.id, limit: '200' }])
  return (
    <View id='unit-state' className='staff-card'>
      <Text className='staff-card__title'>{`${unit.name} · ${staffUi.unit.state}`}</Text>
      {unit.counts && (
        <View className='staff-row unit-figures'>
          <Figure id='unit-enrolled' label={staffUi.unit.enrolled} value={String(unit.counts.enrolled)} />
          <Figure id='unit-active' label={staffUi.unit.active} value={String(unit.counts.active)} />
          <Figure id='unit-pending' label={staffUi.unit.pendingPayment} value={String(unit.counts.pendingPayment)} />
          <Figure id='unit-premium-due' label={staffUi.unit.premiumDue} value={formatYuan(unit.counts.premiumDueFen)} />
        </View>
      )}
      {(unit.counts?.pendingPayment ?? 0) > 0 && <UnitPaymentCodes unitId={unit.id} />}
      <Text className='staff-field__label'>{staffUi.unit.enrolments}</Text>
      {enrolments.status === 'loading' && <LoadingState id='unit-enrolments-loading' />}
      {enrolments.status === 'error' && <ErrorState id='unit-enrolments-error' message={enrolments.message} onRetry={enrolments.retry} />}
      {enrolments.status === 'ready' &&
        (enrolments.value.enrolments.length === 0 ? (
          <Text className='staff-muted'>{staffUi.unit.noEnrolments}</Text>
        ) : (
          <UnitMembers enrolments={enrolments.value.enrolments} />
        ))}
    </View>
  )
}
