import { Axis, Chart, Interval, jsx as f2Jsx } from '@antv/f2'
import { dashboardPageUi, ui, type Dashboard } from '@huzhu/shared'

/**
 * The dashboard's charts as @antv/f2 element trees (built with its `jsx`, not
 * React's: F2 draws them on a canvas). Each takes the figures the page
 * already shows in a table, so a chart never says what the table does not.
 */

/** F2's element factory; its typings do not take its own generic class components, so it is called untyped here. */
const jsx = f2Jsx as unknown as (type: unknown, props: Record<string, unknown>) => unknown

const PRIMARY = '#d4380d'
const TEXT = '#595959'
const axisLabel = { fill: TEXT, fontSize: 10 }
/**
 * Room around the plot, in CSS pixels as numbers: F2's own default ('30px') is scaled by the root font size
 * Taro sets for the screen's width (6 px at 375 px), which cut the last value label at the right edge.
 */
const PLOT_PADDING = [10, 16, 8, 8]

/** Bars of `value` by `key`, in the order given; horizontal (names on the left) when `transposed`. */
function bars<R extends Record<string, string | number>>(data: R[], key: keyof R & string, value: keyof R & string, options: { transposed?: boolean; formatter?: (v: number) => string; keyTicks?: number } = {}) {
  return jsx(Chart, {
    data,
    style: { padding: PLOT_PADDING },
    coord: options.transposed ? { transposed: true } : undefined,
    // Many categories (days) get a few labels only, so they stay readable at 375 px.
    scale: { [value]: { min: 0, nice: true, tickCount: 4 }, [key]: { type: 'cat', ...(options.keyTicks && data.length > options.keyTicks ? { tickCount: options.keyTicks } : {}) } },
    children: [
      jsx(Axis, { field: key, style: { label: axisLabel } }),
      jsx(Axis, { field: value, ...(options.formatter ? { formatter: options.formatter } : {}), style: { label: axisLabel } }),
      jsx(Interval, { x: key, y: value, color: PRIMARY }),
    ],
  })
}

/** Members enrolled per day (accepted day, MM-DD on the axis). */
export function enrolmentsByDayChart(d: Dashboard) {
  return bars(d.enrolments.byDay.map((r) => ({ day: r.day.slice(5), members: r.members })), 'day', 'members', { keyTicks: 6 })
}

/** Coverage rate of each unit that reports its union members, in percent. */
export function coverageByUnitChart(d: Dashboard) {
  const rows = d.coverage.byUnit.filter((r) => r.unitName !== null && r.rateBp !== null)
    .map((r) => ({ unit: shorten(r.unitName!), rate: r.rateBp! / 100 }))
  return bars(rows, 'unit', 'rate', { transposed: true, formatter: (v) => `${v}%` })
}

/** Claims by status. */
export function claimsByStatusChart(d: Dashboard) {
  return bars(d.claims.byStatus.filter((r) => r.claims > 0).map((r) => ({ status: ui.claimStatus[r.status], claims: r.claims })), 'status', 'claims', { transposed: true })
}

/** Paid claims by working days to pay. */
export function daysToPayChart(d: Dashboard) {
  return bars(d.daysToPay.histogram.map((r) => ({ days: String(r.workingDays), claims: r.claims })), 'days', 'claims')
}

/** A unit's name short enough for an axis at 375 px. */
function shorten(name: string): string {
  return name.length > 8 ? `${name.slice(0, 7)}…` : name
}

export const chartTitles = dashboardPageUi.charts
