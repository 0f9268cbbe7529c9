import { expect, test } from '@jest/globals'
import { dashboardTables, dashboardUi, type Dashboard } from '@huzhu/shared'
import { cellText, tableViews } from '../../src/staff/dashboard/dashboard-tables'

/** A dashboard with one row in each table that has rows here, the rest empty. */
function dashboard(): Dashboard {
  const coverage = { enrolledMembers: 12, unionMembers: 40, enrolledMembersCounted: 12, rateBp: 3000, unitsWithoutHeadcount: 0 }
  const counts = { enrolments: 12, members: 12, premiumFen: 120_000 }
  const loss = { premiumFen: 120_000, paidClaims: 1, claimsPaidFen: 62_050, lossRatioBp: 5171 }
  return {
    filters: { catalogueId: null, planYear: null, region: null, unitIds: null, from: null, to: null },
    scope: 'office', generatedAt: '2026-11-28T02:00:00.000Z',
    coverage: { total: coverage, byRegion: [{ ...coverage, regionCode: '610100', regionName: '西安市' }], byUnit: [{ ...coverage, unitId: 'u1', unitName: '碑林区外卖骑手站', regionCode: '610103', industry: 'food_delivery' }], byOccupation: [] },
    enrolments: { total: counts, byDay: [{ ...counts, day: '2026-11-01' }], byEvent: [], byFundingSource: [{ ...counts, fundingSource: 'unit' }] },
    premiums: { totalFen: 120_000, byFundingSource: [] },
    claims: { total: 1, byStatus: [{ status: 'paid', claims: 1, estimateFen: 62_050, approvedFen: 62_050 }], byKind: [] },
    daysToPay: { paidClaims: 1, paidWithinTarget: 1, withinTargetBp: 10_000, medianWorkingDays: 6, p90WorkingDays: 6, histogram: [{ workingDays: 6, claims: 1 }] },
    lossRatio: { total: loss, byCatalogue: [], byUnit: [{ ...loss, unitId: 'u1', unitName: '碑林区外卖骑手站' }] },
    straightThrough: { approvedClaims: 1, straightThrough: 0, shareBp: 0 },
    adverseSelection: { averageLossRatioBp: 5171, units: [{
      unitId: 'u1', unitName: '碑林区外卖骑手站', flags: ['partial_roster'], enrolledMembers: 12, unionMembers: 40, rateBp: 3000,
      rosterMembers: 20, enrolledAverageAgeMonths: 430, rosterAverageAgeMonths: 400, lossRatioBp: 5171,
    }] },
  }
}

test('every table of the workbook, in its order, under its sheet name and column headers', () => {
  const views = tableViews(dashboard())
  expect(views.map((v) => v.name)).toEqual([...dashboardTables])
  expect(views.map((v) => v.title)).toEqual(dashboardTables.map((t) => dashboardUi.tables[t]))
  for (const v of views) for (const row of v.rows) expect(row).toHaveLength(v.headers.length)
})

test('figures written as the workbook formats them: yuan with two decimals, shares as percentages, ages in years', () => {
  const views = Object.fromEntries(tableViews(dashboard()).map((v) => [v.name, v]))
  expect(views.coverageByUnit!.rows).toEqual([['碑林区外卖骑手站', '610103', '外卖员', '12', '40', '12', '30.00%', '0']])
  expect(views.lossRatioByUnit!.rows).toEqual([['碑林区外卖骑手站', '1,200.00', '1', '620.50', '51.71%']])
  expect(views.adverseSelection!.rows[0]).toEqual(['碑林区外卖骑手站', dashboardUi.flags.partial_roster, '12', '40', '30.00%', '20', '35.8', '33.3', '51.71%'])
  expect(cellText('bp', null)).toBe('')
})
