import type { SeedClaim, SeedEnrolment, SeedOffice } from './dashboard-data'

/**
 * The indicators counted by hand from the rows a test wrote (`seedOffice`),
 * in plain JavaScript over those rows, not through the server's queries:
 * what the dashboard must answer, to the fen.
 */
export interface Filter { catalogueId?: string; planYear?: number; region?: string; unitIds?: string[]; from?: string; to?: string }

const bp = (n: number, d: number) => (d === 0 ? null : Math.round((n * 10_000) / d))
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)
const distinct = <T>(list: readonly T[]) => new Set(list).size
const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0)

/** Plan years as the two shipped catalogues have them: Shanghai from 1 April, Shaanxi's rolling term by calendar year. */
function inPlanYear(e: SeedEnrolment, year: number): boolean {
  if (e.catalogue_id === 'shanghai-2020') return e.start_on >= `${year}-04-01` && e.start_on <= `${year + 1}-03-31`
  return e.start_on.startsWith(`${year}-`)
}

/** `today`: the China date the ages are counted on when the filter has no last day. */
export function counted(office: SeedOffice, f: Filter, today: string) {
  const unitOf = new Map(office.units.map((u) => [u.id, u]))
  const inScope = (e: SeedEnrolment) =>
    (f.catalogueId === undefined || e.catalogue_id === f.catalogueId)
    && (f.planYear === undefined || inPlanYear(e, f.planYear))
    && (f.region === undefined || (e.unit_id !== null && (unitOf.get(e.unit_id)!.region_code ?? '').startsWith(f.region)))
    && (f.unitIds === undefined || (e.unit_id !== null && f.unitIds.includes(e.unit_id)))
  const enrolments = office.enrolments.filter((e) => inScope(e) && e.status === 'active'
    && (f.from === undefined || e.accepted_on >= f.from) && (f.to === undefined || e.accepted_on <= f.to))
  const enrolmentOf = new Map(office.enrolments.map((e) => [e.id, e]))
  const claims = office.claims.filter((c) => inScope(enrolmentOf.get(c.enrolment_id)!)
    && (f.from === undefined || chinaDay(c.submitted_at) >= f.from) && (f.to === undefined || chinaDay(c.submitted_at) <= f.to))
  const paid = claims.filter((c) => c.status === 'paid')
  const units = office.units.filter((u) => (f.region === undefined || (u.region_code ?? '').startsWith(f.region)) && (f.unitIds === undefined || f.unitIds.includes(u.id)))

  const people = (list: readonly SeedEnrolment[]) => distinct(list.map((e) => e.insured_person_id))
  const hasHeadcount = (e: SeedEnrolment) => e.unit_id !== null && unitOf.get(e.unit_id)!.union_member_headcount !== null
  const coverage = (list: readonly SeedEnrolment[], unitsOfGroup: typeof units) => {
    const unionMembers = sum(unitsOfGroup.map((u) => u.union_member_headcount ?? 0))
    const countedMembers = people(list.filter(hasHeadcount))
    return {
      enrolledMembers: people(list), unionMembers, enrolledMembersCounted: countedMembers, rateBp: bp(countedMembers, unionMembers),
      unitsWithoutHeadcount: unitsOfGroup.filter((u) => u.union_member_headcount === null).length,
    }
  }
  const digits = f.region === undefined ? 2 : Math.min(f.region.length + 2, 6)
  const regionKey = (code: string | null | undefined) => (code ? code.slice(0, digits).padEnd(6, '0') : null)
  const regionKeys = new Set([...units.map((u) => regionKey(u.region_code)), ...enrolments.map((e) => regionKey(e.unit_id ? unitOf.get(e.unit_id)!.region_code : null))])
  const industryOf = (e: SeedEnrolment) => (e.unit_id ? unitOf.get(e.unit_id)!.industry : null)
  const industries = new Set([...units.map((u) => u.industry), ...enrolments.map(industryOf)])
  const counts = (list: readonly SeedEnrolment[]) => ({ enrolments: list.length, members: people(list), premiumFen: sum(list.map((e) => e.premium_fen)) })
  const groupBy = <K>(list: readonly SeedEnrolment[], key: (e: SeedEnrolment) => K) => {
    const map = new Map<K, SeedEnrolment[]>()
    for (const e of list) map.set(key(e), [...(map.get(key(e)) ?? []), e])
    return map
  }
  const claimGroups = <K>(list: readonly SeedClaim[], key: (c: SeedClaim) => K) => {
    const map = new Map<K, SeedClaim[]>()
    for (const c of list) map.set(key(c), [...(map.get(key(c)) ?? []), c])
    return map
  }
  const days = paid.map((c) => c.paid_working_days!).sort((a, b) => a - b)
  const histogram = [...new Set(days)].map((d) => ({ workingDays: d, claims: days.filter((x) => x === d).length }))
  const paidFen = (list: readonly SeedClaim[]) => sum(list.filter((c) => c.status === 'paid').map((c) => c.approved_fen!))
  const loss = (premiumFen: number, list: readonly SeedClaim[]) => {
    const p = list.filter((c) => c.status === 'paid')
    return { premiumFen, paidClaims: p.length, claimsPaidFen: paidFen(p), lossRatioBp: bp(paidFen(p), premiumFen) }
  }
  const approved = claims.filter((c) => ['approved', 'payment_in_progress', 'paid'].includes(c.status))

  // Adverse selection, per unit with anyone listed.
  const ref = f.to ?? today
  const ageMonths = (birth: string) => (Number(ref.slice(0, 4)) * 12 + Number(ref.slice(5, 7))) - (Number(birth.slice(0, 4)) * 12 + Number(birth.slice(5, 7)))
  const birthOf = new Map(office.persons.map((p) => [p.id, p.birth_date]))
  const averageAge = (ids: Set<string>) => (ids.size === 0 ? null : Math.round(sum([...ids].map((id) => ageMonths(birthOf.get(id)!))) / ids.size))
  const unitPremiums = sum(enrolments.filter((e) => e.unit_id !== null).map((e) => e.premium_fen))
  const unitPaid = paidFen(paid.filter((c) => enrolmentOf.get(c.enrolment_id)!.unit_id !== null))
  const average = bp(unitPaid, unitPremiums)
  const adverse = units.filter((u) => office.enrolments.some((e) => e.unit_id === u.id && inScope(e))).map((u) => {
    const mine = enrolments.filter((e) => e.unit_id === u.id)
    const enrolledIds = new Set(mine.map((e) => e.insured_person_id))
    const rosterIds = new Set(office.enrolments.filter((e) => e.unit_id === u.id && inScope(e)).map((e) => e.insured_person_id))
    const premium = sum(mine.map((e) => e.premium_fen))
    const claimsPaid = paidFen(paid.filter((c) => enrolmentOf.get(c.enrolment_id)!.unit_id === u.id))
    const rateBp = u.union_member_headcount === null ? null : bp(enrolledIds.size, u.union_member_headcount)
    const enrolledAge = averageAge(enrolledIds)
    const rosterAge = averageAge(rosterIds)
    const flags: string[] = []
    if (rateBp !== null && rateBp < 5000) flags.push('partial_roster')
    if (enrolledAge !== null && rosterAge !== null && enrolledAge - rosterAge >= 36) flags.push('older_than_roster')
    if (premium > 0 && claimsPaid > 0 && unitPremiums > 0 && claimsPaid / premium >= 2 * (unitPaid / unitPremiums)) flags.push('high_claims_ratio')
    return {
      unitId: u.id, unitName: u.name, flags, enrolledMembers: enrolledIds.size, unionMembers: u.union_member_headcount, rateBp, rosterMembers: rosterIds.size,
      enrolledAverageAgeMonths: enrolledAge, rosterAverageAgeMonths: rosterAge, lossRatioBp: bp(claimsPaid, premium),
    }
  })

  return {
    coverage: {
      total: coverage(enrolments, units),
      byRegion: [...regionKeys].map((key) => ({ regionCode: key, ...coverage(enrolments.filter((e) => regionKey(e.unit_id ? unitOf.get(e.unit_id)!.region_code : null) === key), units.filter((u) => regionKey(u.region_code) === key)) })),
      byUnit: [
        ...units.map((u) => ({ unitId: u.id, ...coverage(enrolments.filter((e) => e.unit_id === u.id), [u]) })),
        ...(enrolments.some((e) => e.unit_id === null) ? [{ unitId: null, ...coverage(enrolments.filter((e) => e.unit_id === null), []) }] : []),
      ],
      byOccupation: [...industries].map((k) => ({ occupation: k, ...coverage(enrolments.filter((e) => industryOf(e) === k), units.filter((u) => u.industry === k)) })),
    },
    enrolments: {
      total: counts(enrolments),
      byDay: [...groupBy(enrolments, (e) => e.accepted_on)].map(([day, list]) => ({ day, ...counts(list) })),
      byEvent: [...groupBy(enrolments, (e) => e.event_id)].map(([eventId, list]) => ({ eventId, ...counts(list) })),
      byFundingSource: [...groupBy(enrolments, (e) => e.funding_source)].map(([fundingSource, list]) => ({ fundingSource, ...counts(list) })),
    },
    premiums: {
      totalFen: sum(enrolments.map((e) => e.premium_fen)),
      byFundingSource: [...groupBy(enrolments, (e) => e.funding_source)].map(([fundingSource, list]) => ({ fundingSource, enrolments: list.length, premiumFen: sum(list.map((e) => e.premium_fen)) })),
    },
    claims: {
      total: claims.length,
      byStatus: [...claimGroups(claims, (c) => c.status)].map(([status, list]) => ({ status, claims: list.length, estimateFen: sum(list.map((c) => c.estimate_fen)), approvedFen: sum(list.map((c) => c.approved_fen ?? 0)) })),
      byKind: [...claimGroups(claims, (c) => c.kind)].map(([kind, list]) => ({ kind, claims: list.length, paidClaims: list.filter((c) => c.status === 'paid').length, paidFen: paidFen(list) })),
    },
    daysToPay: {
      paidClaims: days.length, paidWithinTarget: days.filter((d) => d <= 10).length, withinTargetBp: bp(days.filter((d) => d <= 10).length, days.length),
      medianWorkingDays: days.length === 0 ? null : days[Math.ceil(days.length / 2) - 1]!, p90WorkingDays: days.length === 0 ? null : days[Math.ceil(days.length * 0.9) - 1]!,
      histogram,
    },
    lossRatio: {
      total: loss(sum(enrolments.map((e) => e.premium_fen)), claims),
      byCatalogue: [...new Set([...enrolments.map((e) => e.catalogue_id), ...paid.map((c) => c.catalogue_id)])].map((id) => ({
        catalogueId: id, ...loss(sum(enrolments.filter((e) => e.catalogue_id === id).map((e) => e.premium_fen)), claims.filter((c) => c.catalogue_id === id)),
      })),
      byUnit: [...new Set([...enrolments.map((e) => e.unit_id), ...paid.map((c) => enrolmentOf.get(c.enrolment_id)!.unit_id)])].map((id) => ({
        unitId: id, ...loss(sum(enrolments.filter((e) => e.unit_id === id).map((e) => e.premium_fen)), claims.filter((c) => enrolmentOf.get(c.enrolment_id)!.unit_id === id)),
      })),
    },
    straightThrough: { approvedClaims: approved.length, straightThrough: approved.filter((c) => c.decided_by === null).length, shareBp: bp(approved.filter((c) => c.decided_by === null).length, approved.length) },
    adverseSelection: { averageLossRatioBp: average, units: adverse },
  }
}
