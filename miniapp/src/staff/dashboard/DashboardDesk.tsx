import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import {
  chinaDateOf, dashboardPageUi, dashboardRangeProblem, DASHBOARD_MAX_DAYS, fillTemplate, isCivilDate, message, regionPrefixSchema,
  type DashboardQuery, type MeResponse,
} from '@huzhu/shared'
import { fetchCatalogueSummaries } from '../../api/catalogues'
import { ErrorState, LoadingState } from '../../components/StateView'
import { useLoad } from '../../lib/use-api'
import { ChipsField } from '../components/Chips'
import { Field, TextInput } from '../components/Field'
import { mayOpen } from '../lib/access'
import { useSubmit } from '../lib/use-submit'
import { DashboardResult } from './DashboardResult'
import { downloadDashboard, fetchDashboard } from './dashboard-api'

const ALL = 'all'
const ui = dashboardPageUi

/** This year and the two before: the plan years an office looks back on. */
function recentPlanYears(today: string): number[] {
  const year = Number(today.slice(0, 4))
  return [year, year - 1, year - 2]
}

/**
 * The indicators desk: filters (catalogue, plan year, region prefix, dates;
 * none means all), then the headline figures, the charts and every table,
 * each downloadable as a workbook. The filters are checked here as the server
 * checks them, so a wrong one says why before anything is asked. A unit admin
 * (who may not see the office's units) sees their own units' figures.
 */
export function DashboardDesk({ me }: { me: MeResponse }) {
  const today = chinaDateOf(new Date())
  const [catalogueId, setCatalogueId] = useState(ALL)
  const [planYear, setPlanYear] = useState(ALL)
  const [region, setRegion] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [query, setQuery] = useState<DashboardQuery>({})
  const catalogues = useLoad(fetchCatalogueSummaries, [])
  const dashboard = useLoad(fetchDashboard, [query])
  const { busy, error, run, fail } = useSubmit()
  const unitScope = !mayOpen(me, 'units')

  const apply = (next: { region?: string } = {}) => {
    const [f, t, r] = [from.trim(), to.trim(), (next.region ?? region).trim()]
    if ((f !== '' && !isCivilDate(f)) || (t !== '' && !isCivilDate(t))) return fail(ui.dateInvalid)
    if (f !== '' && t !== '') {
      const problem = dashboardRangeProblem(f, t)
      if (problem) return fail(message(problem, { days: DASHBOARD_MAX_DAYS }))
    }
    if (r !== '' && !regionPrefixSchema.safeParse(r).success) return fail(ui.regionInvalid)
    fail(null)
    if (next.region !== undefined) setRegion(next.region)
    setQuery({
      ...(catalogueId === ALL ? {} : { catalogueId }), ...(planYear === ALL ? {} : { planYear: Number(planYear) }),
      ...(r === '' ? {} : { region: r }), ...(f === '' ? {} : { from: f }), ...(t === '' ? {} : { to: t }),
    })
  }

  const catalogueOptions = [{ value: ALL, label: ui.allCatalogues }, ...(catalogues.status === 'ready' ? catalogues.value.map((c) => ({ value: c.id, label: c.name })) : [])]
  const yearOptions = [{ value: ALL, label: ui.allYears }, ...recentPlanYears(today).map((y) => ({ value: String(y), label: fillTemplate(ui.planYearLabel, { year: y }) }))]
  return (
    <View id='dashboard-desk' className='staff-wrap'>
      <View id='dashboard-form' className='staff-card'>
        <Text className='staff-muted'>{unitScope ? ui.unitScope : ui.intro}</Text>
        <ChipsField label={ui.catalogue} idPrefix='dashboard-catalogue' options={catalogueOptions} selected={[catalogueId]} onChange={(v) => setCatalogueId(v[0] ?? ALL)} />
        <ChipsField label={ui.planYear} idPrefix='dashboard-year' options={yearOptions} selected={[planYear]} onChange={(v) => setPlanYear(v[0] ?? ALL)} />
        <View className='dashboard-fields'>
          <Field label={ui.region}><TextInput id='dashboard-region' value={region} onChange={setRegion} placeholder={ui.regionPlaceholder} type='digit' /></Field>
          <Field label={ui.from}><TextInput id='dashboard-from' value={from} onChange={setFrom} placeholder={ui.datePlaceholder} /></Field>
          <Field label={ui.to}><TextInput id='dashboard-to' value={to} onChange={setTo} placeholder={ui.datePlaceholder} /></Field>
        </View>
        {error && <Text id='dashboard-error' className='staff-error-text'>{error}</Text>}
        <View className='staff-row'>
          <Button id='dashboard-show' className='staff-button staff-button--primary' onClick={() => apply()}>{ui.show}</Button>
          <Button id='dashboard-download' className='staff-button' disabled={busy || dashboard.status !== 'ready' || undefined} onClick={() => void run(() => downloadDashboard(query))}>
            {ui.downloadAll}
          </Button>
        </View>
      </View>
      {dashboard.status === 'loading' && <LoadingState id='dashboard-loading' />}
      {dashboard.status === 'error' && <ErrorState id='dashboard-load-error' message={dashboard.message} onRetry={dashboard.retry} />}
      {dashboard.status === 'ready' && (
        <DashboardResult
          dashboard={dashboard.value}
          onDownload={(table) => void run(() => downloadDashboard(query, table))}
          onRegion={(code) => apply({ region: code })}
          busy={busy}
        />
      )}
    </View>
  )
}
