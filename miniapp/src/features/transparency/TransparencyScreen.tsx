import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  chinaTime, eventKindLabels, fillTemplate, formatFen, formatYuan, TRANSPARENCY_MIN_GROUP, transparencyUi,
  type TransparencyCaseGroup, type TransparencyIndex, type TransparencyPlan,
} from '@huzhu/shared'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { useLoad } from '../../lib/use-api'
import { fetchTransparencyIndex, fetchTransparencyPlan } from './transparency-api'
import './transparency.scss'

const ui = transparencyUi
type Band = TransparencyCaseGroup['amountFen']

const yuanBand = (b: Band) => (b.max === null
  ? fillTemplate(ui.cases.yuanFrom, { min: formatFen(b.min).replace(/\.00$/, '') })
  : fillTemplate(ui.cases.yuanRange, { min: formatFen(b.min).replace(/\.00$/, ''), max: formatFen(b.max).replace(/\.00$/, '') }))
const band = (b: Band, range: string, from: string) => (b.max === null ? fillTemplate(from, { min: b.min }) : fillTemplate(range, { min: b.min, max: b.max }))
const percent = (bp: number | null) => (bp === null ? ui.figures.none : `${(bp / 100).toFixed(1)}%`)

function Figure({ id, title, value, hint }: { id: string; title: string; value: string; hint?: string }) {
  return (
    <View id={id} className='transparency-figure'>
      <Text className='transparency-figure__title'>{title}</Text>
      <Text className='transparency-figure__value'>{value}</Text>
      {hint && <Text className='transparency-figure__hint'>{hint}</Text>}
    </View>
  )
}

function CaseCard({ group, index }: { group: TransparencyCaseGroup; index: number }) {
  return (
    <View id={`transparency-case-${index}`} className='transparency-case' data-people={group.people}>
      <Text className='transparency-case__kind'>{eventKindLabels[group.kind]}</Text>
      <Text className='transparency-case__line'>{`${ui.cases.amount}：${yuanBand(group.amountFen)}`}</Text>
      <Text className='transparency-case__line'>{`${ui.cases.age}：${band(group.ageYears, ui.cases.ageRange, ui.cases.ageFrom)}`}</Text>
      <Text className='transparency-case__line'>{`${ui.cases.place}：${group.place ?? ui.cases.unknownPlace}`}</Text>
      <Text className='transparency-case__line'>{`${ui.cases.days}：${band(group.workingDaysToPay, ui.cases.daysRange, ui.cases.daysFrom)}`}</Text>
      <Text className='transparency-case__count'>{fillTemplate(ui.cases.casesCount, { cases: group.cases, people: group.people, amount: formatYuan(group.paidFen) })}</Text>
    </View>
  )
}

function PlanFigures({ plan }: { plan: TransparencyPlan }) {
  const f = ui.figures
  return (
    <View id='transparency-plan' className='transparency-plan' data-catalogue={plan.catalogueId} data-year={plan.planYear}>
      <View className='card'>
        <Text className='card__title'>{plan.catalogueName}</Text>
        <Text className='transparency-muted'>{fillTemplate(ui.period, { start: plan.start, end: plan.end })}</Text>
        <View className='transparency-figures'>
          <Figure id='transparency-members' title={f.members} value={fillTemplate(f.membersValue, { count: plan.membersCovered })} />
          <Figure id='transparency-premiums' title={f.premiums} value={formatYuan(plan.premiumsFen)} />
          <Figure id='transparency-claims' title={f.claimsPaid} value={fillTemplate(f.claimsPaidValue, { count: plan.claimsPaid, amount: formatYuan(plan.claimsPaidFen) })} />
          <Figure id='transparency-loss' title={f.lossRatio} value={percent(plan.lossRatioBp)} hint={f.lossRatioHint} />
          <Figure id='transparency-days' title={f.medianDays}
            value={plan.medianWorkingDaysToPay === null ? f.none : fillTemplate(f.medianDaysValue, { days: plan.medianWorkingDaysToPay })} />
        </View>
      </View>
      <View id='transparency-cases' className='card'>
        <Text className='card__title'>{ui.cases.title}</Text>
        <Text className='transparency-muted'>{fillTemplate(ui.cases.intro, { min: TRANSPARENCY_MIN_GROUP })}</Text>
        {plan.cases.length === 0 && <Text id='transparency-no-cases' className='transparency-muted'>{ui.cases.empty}</Text>}
        {plan.cases.map((group, i) => <CaseCard key={i} group={group} index={i} />)}
        {plan.suppressedCases > 0 && <Text id='transparency-suppressed' className='transparency-muted'>{fillTemplate(ui.cases.suppressed, { count: plan.suppressedCases })}</Text>}
      </View>
      <Text className='transparency-muted'>{fillTemplate(ui.generatedAt, { at: chinaTime(plan.generatedAt) })}</Text>
    </View>
  )
}

function Plan({ catalogueId, planYear }: { catalogueId: string; planYear: number }) {
  const plan = useLoad(fetchTransparencyPlan, [catalogueId, planYear])
  if (plan.status === 'loading') return <LoadingState id='transparency-plan-loading' />
  if (plan.status === 'error') return <ErrorState id='transparency-plan-error' message={plan.message} onRetry={plan.retry} />
  return <PlanFigures plan={plan.value} />
}

function Chooser({ index, chosen, onChoose }: { index: TransparencyIndex; chosen: number; onChoose: (i: number) => void }) {
  if (index.plans.length < 2) return null
  return (
    <View id='transparency-chooser' className='card'>
      <Text className='card__title'>{ui.plan}</Text>
      {index.plans.map((p, i) => (
        <View key={`${p.catalogueId}-${p.planYear}`} id={`transparency-option-${p.catalogueId}-${p.planYear}`}
          className={`transparency-option${i === chosen ? ' is-active' : ''}`} onClick={() => onChoose(i)}>
          <Text>{fillTemplate(ui.planOption, { catalogue: p.catalogueName, year: p.planYear })}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * 公开透明: what each plan collected and paid in a plan year, and its paid
 * cases in anonymised groups (never fewer than 5 people alike). No login.
 */
export function TransparencyScreen() {
  const [chosen, setChosen] = useState(0)
  const index = useLoad(fetchTransparencyIndex, [])
  if (index.status === 'loading') return <LoadingState id='transparency-loading' />
  if (index.status === 'error') return <ErrorState id='transparency-error' message={index.message} onRetry={index.retry} />
  const plan = index.value.plans[chosen] ?? index.value.plans[0]
  return (
    <View id='transparency-screen' className='transparency'>
      <Text className='transparency__intro'>{ui.intro}</Text>
      {!plan && <EmptyState id='transparency-empty' message={ui.noPlans} />}
      <Chooser index={index.value} chosen={chosen} onChoose={setChosen} />
      {plan && <Plan key={`${plan.catalogueId}-${plan.planYear}`} catalogueId={plan.catalogueId} planYear={plan.planYear} />}
    </View>
  )
}
