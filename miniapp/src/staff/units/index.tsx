import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, fundingSourceLabels, occupationLabels, unitsUi, type UnitDetail, type UnitSummary } from '@huzhu/shared'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { formatBasisPoints } from '../../lib/format'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { StaffGate } from '../components/StaffGate'
import { param, staffUrls } from '../lib/staff-routes'
import { UnitForm } from './UnitForm'
import { UnitInvitations } from './UnitInvitations'
import { fetchUnit, fetchUnits } from '../lib/staff-api'
import { fetchUnitDetail, fetchUnitSummaries } from './units-api'
import '../staff.scss'
import './index.scss'

function UnitRow({ unit }: { unit: UnitSummary }) {
  const facts = [
    unit.regionName ?? unitsUi.noRegion,
    unit.industry ? occupationLabels[unit.industry] : null,
    unit.unionMemberHeadcount === null ? null : fillTemplate(unitsUi.headcountLine, { count: unit.unionMemberHeadcount }),
    fundingSourceLabels[unit.fundingSource],
  ].filter((f): f is string => f !== null)
  return (
    <View id={`units-row-${unit.id}`} className='staff-entry units-row' onClick={() => Taro.navigateTo({ url: staffUrls.units(unit.id) })}>
      <Text className='units-row__name'>{unit.name}</Text>
      <Text className='staff-muted'>{facts.join(' · ')}</Text>
      <Text className='staff-muted units-row__code'>{unit.creditCode ?? unitsUi.noCreditCode}</Text>
    </View>
  )
}

/** Every unit, and the form that registers a new one (side by side at a desk). */
function UnitList() {
  const units = useLoad(fetchUnitSummaries, [])
  return (
    <View className='staff-wrap staff-columns'>
      <View id='units-list' className='staff-card'>
        <Text className='staff-card__title'>{unitsUi.list}</Text>
        {units.status === 'loading' && <LoadingState id='units-loading' />}
        {units.status === 'error' && <ErrorState id='units-error' message={units.message} onRetry={units.retry} />}
        {units.status === 'ready' && units.value.length === 0 && <EmptyState id='units-empty' message={unitsUi.empty} />}
        {units.status === 'ready' && units.value.map((unit) => <UnitRow key={unit.id} unit={unit} />)}
      </View>
      <UnitForm unit={null} onSaved={(unit) => Taro.redirectTo({ url: staffUrls.units(unit.id) })} />
    </View>
  )
}

function Coverage({ unit }: { unit: UnitDetail }) {
  const { coveredMembers, rateBp } = unit.coverage
  return (
    <Text id='unit-coverage' className='staff-muted'>
      {rateBp === null || unit.unionMemberHeadcount === null
        ? unitsUi.coverageNone
        : fillTemplate(unitsUi.coverageLine, { rate: formatBasisPoints(rateBp), covered: coveredMembers, members: unit.unionMemberHeadcount })}
    </Text>
  )
}

/** One unit: its record to edit, its coverage, its admins, the way to its roster and payments. */
function UnitRecord({ unitId }: { unitId: string }) {
  const [saved, setSaved] = useState<UnitDetail | null>(null)
  const loaded = useLoad(fetchUnitDetail, [unitId])
  const revalidate = useRevalidate()
  // Saved: the list of units (and the unit desk's view of it) show the change.
  const onSaved = (unit: UnitDetail) => {
    setSaved(unit)
    void revalidate(fetchUnitSummaries, fetchUnit, fetchUnits)
  }
  if (loaded.status === 'loading') return <LoadingState id='unit-record-loading' />
  if (loaded.status === 'error') return <ErrorState id='unit-record-error' message={loaded.message} onRetry={loaded.retry} />
  const unit = saved ?? loaded.value
  return (
    <View id='unit-record' className='staff-wrap'>
      <View className='staff-row'>
        <Button id='units-back' className='staff-button staff-button--small' onClick={() => Taro.navigateTo({ url: staffUrls.units() })}>{unitsUi.backToList}</Button>
        <Button id='units-open-roster' className='staff-button staff-button--small' onClick={() => Taro.navigateTo({ url: staffUrls.unit(unit.id) })}>{unitsUi.openRoster}</Button>
      </View>
      <Text id='unit-record-name' className='staff-card__title'>{unit.name}</Text>
      {saved && <Text id='unit-saved' className='staff-tag staff-tag--ok'>{unitsUi.saved}</Text>}
      <Coverage unit={unit} />
      <View className='staff-columns'>
        <UnitForm key={unit.id} unit={unit} onSaved={onSaved} />
        <UnitInvitations unitId={unit.id} />
      </View>
    </View>
  )
}

/** Office staff: the units, a new unit, one unit's record and its admins. */
export default function UnitsPage() {
  const unitId = param(useRouter().params, 'unitId')
  return (
    <View className='staff-page'>
      <StaffGate page='units'>{() => (unitId ? <UnitRecord unitId={unitId} /> : <UnitList />)}</StaffGate>
    </View>
  )
}
