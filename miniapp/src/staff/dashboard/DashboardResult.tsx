import { useMemo } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { chinaTime, dashboardPageUi, dashboardUi, fillTemplate, formatYuan, type Dashboard, type DashboardTable } from '@huzhu/shared'
import { F2Chart } from './F2Chart'
import { claimsByStatusChart, coverageByUnitChart, daysToPayChart, enrolmentsByDayChart } from './charts'
import { cellText, tableViews, type TableView } from './dashboard-tables'

const ui = dashboardPageUi

const percent = (bp: number | null) => (bp === null ? ui.figures.none : cellText('bp', bp))
const years = (months: number | null) => (months === null ? ui.figures.none : cellText('months', months))
/** A GB/T 2260 code as the prefix that filters by it: 610000 → 61, 610100 → 6101. */
export const regionPrefixOf = (code: string) => code.replace(/(00)+$/, '') || code

function Figure({ id, title, value, detail }: { id: string; title: string; value: string; detail: string }) {
  return (
    <View id={id} className='dashboard-figure'>
      <Text className='dashboard-figure__title'>{title}</Text>
      <Text className='dashboard-figure__value'>{value}</Text>
      <Text className='dashboard-figure__detail'>{detail}</Text>
    </View>
  )
}

function Figures({ d }: { d: Dashboard }) {
  const f = ui.figures
  const paid = d.claims.byStatus.find((s) => s.status === 'paid')
  const flagged = d.adverseSelection.units.filter((u) => u.flags.length > 0).length
  return (
    <View id='dashboard-figures' className='dashboard-figures'>
      <Figure id='dashboard-figure-coverage' title={f.coverage} value={percent(d.coverage.total.rateBp)}
        detail={fillTemplate(f.coverageDetail, { enrolled: d.coverage.total.enrolledMembersCounted, members: d.coverage.total.unionMembers })} />
      <Figure id='dashboard-figure-enrolled' title={f.enrolled} value={String(d.enrolments.total.members)}
        detail={fillTemplate(f.enrolledDetail, { enrolments: d.enrolments.total.enrolments, premium: formatYuan(d.enrolments.total.premiumFen) })} />
      <Figure id='dashboard-figure-claims' title={f.claims} value={String(d.claims.total)}
        detail={fillTemplate(f.claimsDetail, { paid: paid?.claims ?? 0, amount: formatYuan(paid?.approvedFen ?? 0) })} />
      <Figure id='dashboard-figure-loss' title={f.lossRatio} value={percent(d.lossRatio.total.lossRatioBp)}
        detail={fillTemplate(f.lossRatioDetail, { paid: formatYuan(d.lossRatio.total.claimsPaidFen), premium: formatYuan(d.lossRatio.total.premiumFen) })} />
      <Figure id='dashboard-figure-within' title={f.withinTarget} value={percent(d.daysToPay.withinTargetBp)}
        detail={fillTemplate(f.withinTargetDetail, {
          within: d.daysToPay.paidWithinTarget, paid: d.daysToPay.paidClaims,
          median: d.daysToPay.medianWorkingDays ?? f.none, p90: d.daysToPay.p90WorkingDays ?? f.none,
        })} />
      <Figure id='dashboard-figure-straight' title={f.straightThrough} value={percent(d.straightThrough.shareBp)}
        detail={fillTemplate(f.straightThroughDetail, { approved: d.straightThrough.approvedClaims, straight: d.straightThrough.straightThrough })} />
      <Figure id='dashboard-figure-flagged' title={f.flagged} value={String(flagged)} detail={fillTemplate(f.flaggedDetail, { units: flagged })} />
    </View>
  )
}

function Charts({ d }: { d: Dashboard }) {
  const charts = useMemo(() => [
    { id: 'dashboard-chart-enrolments', title: ui.charts.enrolmentsByDay, chart: enrolmentsByDayChart(d), empty: d.enrolments.byDay.length === 0, height: 200 },
    { id: 'dashboard-chart-coverage', title: ui.charts.coverageByUnit, chart: coverageByUnitChart(d), empty: !d.coverage.byUnit.some((u) => u.rateBp !== null), height: 40 + 28 * d.coverage.byUnit.length },
    { id: 'dashboard-chart-claims', title: ui.charts.claimsByStatus, chart: claimsByStatusChart(d), empty: d.claims.total === 0, height: 40 + 28 * d.claims.byStatus.filter((s) => s.claims > 0).length },
    { id: 'dashboard-chart-days', title: ui.charts.daysToPay, chart: daysToPayChart(d), empty: d.daysToPay.histogram.length === 0, height: 180 },
  ], [d])
  return (
    <View id='dashboard-charts' className='dashboard-charts'>
      {charts.map((c) => (
        <View key={c.id} id={`${c.id}-card`} className='staff-card dashboard-charts__card'>
          <Text className='staff-card__title'>{c.title}</Text>
          {c.empty ? <Text className='staff-muted'>{ui.empty}</Text> : <F2Chart id={c.id} chart={c.chart} height={c.height} label={c.title} />}
        </View>
      ))}
    </View>
  )
}

/** The units flagged for adverse selection, each signal with the figure behind it. */
function Adverse({ d }: { d: Dashboard }) {
  const flagged = d.adverseSelection.units.filter((u) => u.flags.length > 0)
  const reason = (u: Dashboard['adverseSelection']['units'][number], flag: (typeof u.flags)[number]) => fillTemplate(ui.adverse[flag], {
    rate: percent(u.rateBp), enrolled: flag === 'older_than_roster' ? years(u.enrolledAverageAgeMonths) : u.enrolledMembers, members: u.unionMembers ?? ui.figures.none,
    roster: years(u.rosterAverageAgeMonths), ratio: percent(u.lossRatioBp), average: percent(d.adverseSelection.averageLossRatioBp),
  })
  return (
    <View id='dashboard-adverse' className='staff-card'>
      <Text className='staff-card__title'>{ui.adverse.title}</Text>
      {flagged.length === 0 && <Text className='staff-muted'>{ui.adverse.noneFlagged}</Text>}
      {flagged.map((u) => (
        <View key={u.unitId} className='dashboard-adverse__unit' data-unit={u.unitName}>
          <Text className='dashboard-adverse__name'>{u.unitName}</Text>
          {u.flags.map((flag) => <Text key={flag} className='dashboard-adverse__flag' data-flag={flag}>{`${dashboardUi.flags[flag]}：${reason(u, flag)}`}</Text>)}
        </View>
      ))}
    </View>
  )
}

function Table({ table, onDownload, onRegion, busy }: { table: TableView; onDownload: () => void; onRegion?: (code: string) => void; busy: boolean }) {
  return (
    <View id={`dashboard-table-${table.name}`} className='staff-card dashboard-table' data-table={table.name}>
      <View className='dashboard-table__head'>
        <Text className='staff-card__title'>{table.title}</Text>
        <Button id={`dashboard-table-${table.name}-download`} className='staff-button dashboard-table__download' disabled={busy || undefined} onClick={onDownload}>{ui.downloadTable}</Button>
      </View>
      {table.rows.length === 0
        ? <Text className='staff-muted'>{ui.empty}</Text>
        : (
          <View className='dashboard-table__scroll'>
            <View className='dashboard-table__grid'>
              <View className='dashboard-table__row dashboard-table__row--head'>
                {table.headers.map((h, i) => <Text key={h} className={`dashboard-table__cell${table.kinds[i] === 'text' ? '' : ' dashboard-table__cell--num'}`}>{h}</Text>)}
              </View>
              {table.rows.map((row, r) => (
                <View key={r} className='dashboard-table__row'>
                  {row.map((cell, i) => (
                    <Text key={i} className={`dashboard-table__cell${table.kinds[i] === 'text' ? '' : ' dashboard-table__cell--num'}`}>{cell}</Text>
                  ))}
                  {onRegion && row[1] && (
                    <Text className='dashboard-table__link' onClick={() => onRegion(regionPrefixOf(row[1]!))}>{ui.drillDown}</Text>
                  )}
                </View>
              ))}
            </View>
          </View>
        )}
    </View>
  )
}

/** Everything the indicators say for the filters: figures, charts, flagged units, and every table with its download. */
export function DashboardResult({ dashboard, onDownload, onRegion, busy }: {
  dashboard: Dashboard
  onDownload: (table: DashboardTable) => void
  onRegion: (code: string) => void
  busy: boolean
}) {
  const tables = useMemo(() => tableViews(dashboard), [dashboard])
  return (
    <View id='dashboard-result' className='dashboard-result' data-generated-at={dashboard.generatedAt}>
      <Text className='staff-muted'>{fillTemplate(ui.generatedAt, { at: chinaTime(dashboard.generatedAt) })}</Text>
      <Figures d={dashboard} />
      <Charts d={dashboard} />
      <Adverse d={dashboard} />
      <View id='dashboard-tables' className='dashboard-tables'>
        {tables.map((t) => (
          <Table key={t.name} table={t} busy={busy} onDownload={() => onDownload(t.name)}
            onRegion={t.name === 'coverageByRegion' && dashboard.scope === 'office' ? onRegion : undefined} />
        ))}
      </View>
    </View>
  )
}
