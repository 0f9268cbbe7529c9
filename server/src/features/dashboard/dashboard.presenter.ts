import {
  ADVERSE_AGE_GAP_MONTHS, ADVERSE_CLAIMS_RATIO_FACTOR, ADVERSE_PARTIAL_ROSTER_BP, claimStatuses, eventKinds, fundingSources, occupations, regionLabelOf,
  type AdverseSelectionFlag, type AdverseSelectionRow, type ClaimStatus, type CoverageFigures, type Dashboard, type EventKind, type FundingSource, type Occupation,
} from '@huzhu/shared'
import { SERVICE_DAYS } from '../claims/claim-due-dates'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { catalogueNameOf } from '../ledger/ledger.presenter'
import type { DashboardFigures, DashboardScope } from './dashboard.service'
import type { Population } from './population'
import type { CoveredMembers } from './enrolment-figures.repository'
import type { Headcounts } from './units-figures.repository'
import { averageAgeMonths, medianOf, p90Of, ratioBp } from './figures'

const byOrder = <T>(order: readonly T[]) => (a: T | null, b: T | null) => (a === null ? order.length : order.indexOf(a)) - (b === null ? order.length : order.indexOf(b))

function coverage(members: number, counted: number, head: Omit<Headcounts, 'key'> | undefined): CoverageFigures {
  const unionMembers = head?.unionMembers ?? 0
  return { enrolledMembers: members, unionMembers, enrolledMembersCounted: counted, rateBp: ratioBp(counted, unionMembers), unitsWithoutHeadcount: head?.withoutHeadcount ?? 0 }
}

/** Groups present on either side (headcounts of units, members enrolled), with both figures. */
function joinGroups(covered: readonly CoveredMembers[], heads: readonly Headcounts[]): { key: string | null; figures: CoverageFigures }[] {
  const keys = [...new Set([...covered.map((c) => c.key), ...heads.map((h) => h.key)])]
  return keys.map((key) => {
    const c = covered.find((x) => x.key === key)
    return { key, figures: coverage(c?.members ?? 0, c?.counted ?? 0, heads.find((h) => h.key === key)) }
  })
}

function adverseRows(f: DashboardFigures): { average: number | null; rows: AdverseSelectionRow[] } {
  const unitsById = new Map(f.units.map((u) => [u.id, u]))
  const premiums = new Map(f.enrolmentsByUnit.filter((r) => r.unitId !== null).map((r) => [r.unitId!, r.premiumFen]))
  const paid = new Map(f.paidByUnit.filter((r) => r.unitId !== null).map((r) => [r.unitId!, r.fen]))
  const enrolled = new Map(f.enrolledPeopleByUnit.map((r) => [r.unitId, r]))
  const premiumSum = [...premiums.values()].reduce((a, b) => a + b, 0)
  const paidSum = [...paid.values()].reduce((a, b) => a + b, 0)
  const average = ratioBp(paidSum, premiumSum)
  const rows = f.rosterPeopleByUnit.filter((r) => unitsById.has(r.unitId)).map((roster): AdverseSelectionRow => {
    const unit = unitsById.get(roster.unitId)!
    const mine = enrolled.get(roster.unitId)
    const enrolledMembers = mine?.people ?? 0
    const rateBp = unit.headcount === null ? null : ratioBp(enrolledMembers, unit.headcount)
    const enrolledAge = averageAgeMonths(f.referenceDay, enrolledMembers, mine?.birthMonthSum ?? 0)
    const rosterAge = averageAgeMonths(f.referenceDay, roster.people, roster.birthMonthSum)
    const unitPremium = premiums.get(roster.unitId) ?? 0
    const unitPaid = paid.get(roster.unitId) ?? 0
    const flags: AdverseSelectionFlag[] = []
    if (rateBp !== null && rateBp < ADVERSE_PARTIAL_ROSTER_BP) flags.push('partial_roster')
    if (enrolledAge !== null && rosterAge !== null && enrolledAge - rosterAge >= ADVERSE_AGE_GAP_MONTHS) flags.push('older_than_roster')
    // unitPaid ÷ unitPremium ≥ factor × paidSum ÷ premiumSum, compared exactly.
    if (unitPremium > 0 && unitPaid > 0 && premiumSum > 0
      && BigInt(unitPaid) * BigInt(premiumSum) >= BigInt(ADVERSE_CLAIMS_RATIO_FACTOR) * BigInt(paidSum) * BigInt(unitPremium)) flags.push('high_claims_ratio')
    return {
      unitId: unit.id, unitName: unit.name, flags, enrolledMembers, unionMembers: unit.headcount, rateBp, rosterMembers: roster.people,
      enrolledAverageAgeMonths: enrolledAge, rosterAverageAgeMonths: rosterAge, lossRatioBp: ratioBp(unitPaid, unitPremium),
    }
  })
  rows.sort((a, b) => Number(b.flags.length > 0) - Number(a.flags.length > 0) || a.unitName.localeCompare(b.unitName, 'zh-CN') || a.unitId.localeCompare(b.unitId))
  return { average, rows }
}

export function presentDashboard(f: DashboardFigures, p: Population, scope: DashboardScope, catalogues: CatalogueStore, events: Map<string, string>, generatedAt: string): Dashboard {
  const unitsById = new Map(f.units.map((u) => [u.id, u]))
  const unitName = (id: string | null) => (id === null ? null : unitsById.get(id)?.name ?? id)
  const enrolledByUnit = new Map(f.enrolmentsByUnit.map((r) => [r.unitId, r]))

  const byUnit: Dashboard['coverage']['byUnit'] = f.units.map((u) => {
    const members = enrolledByUnit.get(u.id)?.members ?? 0
    const figures = coverage(members, u.headcount === null ? 0 : members, { unionMembers: u.headcount ?? 0, withoutHeadcount: u.headcount === null ? 1 : 0 })
    return { unitId: u.id, unitName: u.name, regionCode: u.regionCode, industry: u.industry as Occupation | null, ...figures }
  })
  const noUnit = enrolledByUnit.get(null)
  if (noUnit) byUnit.push({ unitId: null, unitName: null, regionCode: null, industry: null, ...coverage(noUnit.members, 0, undefined) })

  const histogram = f.paidByWorkingDays.filter((r) => r.workingDays !== null).map((r) => ({ value: r.workingDays!, count: r.claims })).sort((a, b) => a.value - b.value)
  const paidClaims = histogram.reduce((sum, b) => sum + b.count, 0)
  const withinTarget = histogram.filter((b) => b.value <= SERVICE_DAYS).reduce((sum, b) => sum + b.count, 0)

  const paidTotal = f.paidByCatalogue.reduce((acc, r) => ({ claims: acc.claims + r.claims, fen: acc.fen + r.fen }), { claims: 0, fen: 0 })
  const catalogueIds = [...new Set([...f.premiumsByCatalogue.map((r) => r.catalogueId), ...f.paidByCatalogue.map((r) => r.catalogueId)])].sort()
  const unitIds = [...new Set([...f.enrolmentsByUnit.map((r) => r.unitId), ...f.paidByUnit.map((r) => r.unitId)])]
  const lossFigures = (premiumFen: number, paid: { claims: number; fen: number } | undefined) =>
    ({ premiumFen, paidClaims: paid?.claims ?? 0, claimsPaidFen: paid?.fen ?? 0, lossRatioBp: ratioBp(paid?.fen ?? 0, premiumFen) })
  const adverse = adverseRows(f)

  return {
    filters: { catalogueId: p.catalogueId, planYear: p.planYear, region: p.region, unitIds: p.unitIds === null ? null : [...p.unitIds], from: p.from, to: p.to },
    scope: scope.scope,
    generatedAt,
    coverage: {
      total: coverage(f.coveredTotal.members, f.coveredTotal.counted, f.headcountTotal),
      byRegion: joinGroups(f.coveredByRegion, f.headcountsByRegion)
        .sort((a, b) => (a.key ?? '~').localeCompare(b.key ?? '~'))
        .map(({ key, figures }) => {
          const regionCode = key === null ? null : key.padEnd(6, '0')
          return { regionCode, regionName: regionCode === null ? null : regionLabelOf(regionCode), ...figures }
        }),
      byUnit,
      byOccupation: joinGroups(f.coveredByOccupation, f.headcountsByOccupation)
        .map(({ key, figures }) => ({ occupation: key as Occupation | null, ...figures }))
        .sort((a, b) => byOrder(occupations)(a.occupation, b.occupation)),
    },
    enrolments: {
      total: f.enrolmentTotal,
      byDay: f.enrolmentsByDay.map(({ day, ...counts }) => ({ day, ...counts })),
      byEvent: f.enrolmentsByEvent.map(({ eventId, ...counts }) => ({ eventId, eventName: eventId === null ? null : events.get(eventId) ?? eventId, ...counts }))
        .sort((a, b) => (a.eventId === null ? 1 : 0) - (b.eventId === null ? 1 : 0) || b.enrolments - a.enrolments),
      byFundingSource: f.enrolmentsByFundingSource.map(({ fundingSource, ...counts }) => ({ fundingSource: fundingSource as FundingSource, ...counts }))
        .sort((a, b) => byOrder(fundingSources)(a.fundingSource, b.fundingSource)),
    },
    premiums: {
      totalFen: f.enrolmentTotal.premiumFen,
      byFundingSource: f.enrolmentsByFundingSource.map((r) => ({ fundingSource: r.fundingSource as FundingSource, enrolments: r.enrolments, premiumFen: r.premiumFen }))
        .sort((a, b) => byOrder(fundingSources)(a.fundingSource, b.fundingSource)),
    },
    claims: {
      total: f.claimsByStatus.reduce((sum, r) => sum + r.claims, 0),
      byStatus: f.claimsByStatus.map((r) => ({ ...r, status: r.status as ClaimStatus })).sort((a, b) => byOrder(claimStatuses)(a.status, b.status)),
      byKind: f.claimsByKind.map((r) => ({ ...r, kind: r.kind as EventKind })).sort((a, b) => byOrder(eventKinds)(a.kind, b.kind)),
    },
    daysToPay: {
      paidClaims, paidWithinTarget: withinTarget, withinTargetBp: ratioBp(withinTarget, paidClaims),
      medianWorkingDays: medianOf(histogram, paidClaims), p90WorkingDays: p90Of(histogram, paidClaims),
      histogram: histogram.map((b) => ({ workingDays: b.value, claims: b.count })),
    },
    lossRatio: {
      total: lossFigures(f.enrolmentTotal.premiumFen, paidTotal),
      byCatalogue: catalogueIds.map((id) => ({
        catalogueId: id, catalogueName: catalogueNameOf(catalogues, id),
        ...lossFigures(f.premiumsByCatalogue.find((r) => r.catalogueId === id)?.premiumFen ?? 0, f.paidByCatalogue.find((r) => r.catalogueId === id)),
      })),
      byUnit: unitIds.map((id) => ({
        unitId: id, unitName: unitName(id),
        ...lossFigures(enrolledByUnit.get(id)?.premiumFen ?? 0, f.paidByUnit.find((r) => r.unitId === id)),
      })).sort((a, b) => (a.unitId === null ? 1 : 0) - (b.unitId === null ? 1 : 0) || (a.unitName ?? '').localeCompare(b.unitName ?? '', 'zh-CN')),
    },
    straightThrough: { approvedClaims: f.straightThrough.approved, straightThrough: f.straightThrough.straightThrough, shareBp: ratioBp(f.straightThrough.straightThrough, f.straightThrough.approved) },
    adverseSelection: { averageLossRatioBp: adverse.average, units: adverse.rows },
  }
}
