import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { staffUi, type MeResponse, type Payment } from '@huzhu/shared'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { Chips } from '../components/Chips'
import { PaidNotice, PaymentForm } from '../components/PaymentForm'
import { StaffGate } from '../components/StaffGate'
import { managedUnitIds } from '../lib/access'
import { fetchUnitPaymentCodes } from '../payments/bank-statement-api'
import { fetchEnrolments, fetchUnit, fetchUnitRenewals, fetchUnits } from '../lib/staff-api'
import { param, staffUrls } from '../lib/staff-routes'
import { RosterPanel } from './RosterPanel'
import { RenewalRosterPanel } from './RenewalRosterPanel'
import { UnitState } from './UnitState'
import { UnitPayOnline } from './UnitPayOnline'
import '../staff.scss'
import './index.scss'

/** The units this account may open: all of them for the office, else the ones it manages. */
function loadChoosableUnits(isOffice: boolean, managed: readonly string[]) {
  return isOffice ? fetchUnits() : Promise.all(managed.map(fetchUnit))
}

function UnitChooser({ me }: { me: MeResponse }) {
  const isOffice = me.roles.includes('staff') || me.roles.includes('admin')
  const units = useLoad(loadChoosableUnits, [isOffice, isOffice ? [] : managedUnitIds(me)])
  if (units.status === 'loading') return <LoadingState id='units-loading' />
  if (units.status === 'error') return <ErrorState id='units-error' message={units.message} onRetry={() => Taro.reLaunch({ url: staffUrls.unit() })} />
  if (units.value.length === 0) return <EmptyState id='units-empty' message={staffUi.unit.noUnit} />
  return (
    <View id='unit-chooser' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.unit.chooseUnit}</Text>
      <Chips
        idPrefix='unit-choose'
        options={units.value.map((u) => ({ value: u.id, label: u.name }))}
        selected={[]}
        onChange={([value]) => value && Taro.navigateTo({ url: staffUrls.unit(value) })}
      />
    </View>
  )
}

function UnitDesk({ me, unitId }: { me: MeResponse; unitId: string }) {
  // Payments made here: a new payment form after each.
  const [version, setVersion] = useState(0)
  const [paid, setPaid] = useState<Payment | null>(null)
  const state = useLoad(fetchUnit, [unitId])
  const revalidate = useRevalidate()
  // A refresh keeps the page (and the roster result on it) while the unit and what it shows reload.
  if (state.status === 'error') return <ErrorState id='unit-error' message={state.message} onRetry={state.retry} />
  if (state.status === 'loading') return <LoadingState id='unit-loading' />
  const unit = state
  const refresh = () => {
    setVersion((n) => n + 1)
    void revalidate(fetchUnit, fetchEnrolments, fetchUnitPaymentCodes, fetchUnitRenewals)
  }
  const mayConfirmPayment = me.roles.includes('staff') || me.roles.includes('admin')
  const pending = unit.value.counts?.pendingPayment ?? 0
  const catalogueId = unit.value.catalogueId ?? null
  return (
    <View id='unit-desk' className='staff-wrap'>
      {paid && <PaidNotice id='unit-payment-done' payment={paid} />}
      <View className='staff-columns'>
        <RosterPanel unitId={unitId} defaultCatalogueId={catalogueId} onImported={refresh} />
        <UnitState unit={unit.value} />
      </View>
      <RenewalRosterPanel unitId={unitId} />
      <UnitPayOnline unit={unit.value} onPaid={refresh} />
      {mayConfirmPayment && pending > 0 && catalogueId && (
        <PaymentForm
          key={`${version}-${unit.value.counts?.premiumDueFen ?? 0}`}
          idPrefix='unit-payment'
          catalogueId={catalogueId}
          target={{ unitId }}
          amountFen={unit.value.counts?.premiumDueFen ?? 0}
          onPaid={(payment) => {
            setPaid(payment)
            refresh()
          }}
        />
      )}
    </View>
  )
}

/** Unit admin: roster template, upload, errors, import, the unit's roster and payment state. */
export default function UnitPage() {
  const unitId = param(useRouter().params, 'unitId')
  return (
    <View className='staff-page'>
      <StaffGate page='unit'>
        {(me) => {
          const only = managedUnitIds(me)
          const isOffice = me.roles.includes('staff') || me.roles.includes('admin')
          const target = unitId ?? (!isOffice && only.length === 1 ? only[0] : undefined)
          return target ? <UnitDesk me={me} unitId={target} /> : <UnitChooser me={me} />
        }}
      </StaffGate>
    </View>
  )
}
