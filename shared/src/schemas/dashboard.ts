import { z } from 'zod'
import { claimStatuses } from '../api/claims'
import { daysBetween, type CivilDate } from '../dates/civil-date'
import { civilDateSchema } from '../dates/schema'
import { eventKinds, fundingSources, occupations } from '../domain'

/**
 * The office's indicators (DOMAIN.md "Funding and coverage indicators"):
 * `GET /api/v1/dashboard?…` (office staff, admins; a unit admin for their own
 * unit only) and every table of it as a workbook, `GET /api/v1/dashboard.xlsx?…[&table=]`
 * (`endpoints.dashboard` in the API contract).
 *
 * Populations, the same for every figure:
 * - enrolments: `active` (paid) enrolments of the catalogue, whose cover starts
 *   in the plan year, through a unit of the region (and the unit), accepted
 *   (the day the premium was confirmed) between `from` and `to`;
 * - claims: claims on enrolments of the same catalogue, plan year, region and
 *   unit (whatever the enrolment's status), submitted (China date) between
 *   `from` and `to`.
 * A member is counted once per group (by insured person, not by enrolment or
 * account). Money in fen; shares and ratios in basis points (1/100 of a
 * percent), rounded half-up; null where the denominator is 0.
 */

/** The longest date range one dashboard covers (two plan years). */
export const DASHBOARD_MAX_DAYS = 731

/** GB/T 2260 prefix: a province (2 digits), a city (4) or a district (6). */
export const regionPrefixSchema = z.string().regex(/^\d{2}(\d{2}){0,2}$/, { message: 'field_invalid' })
  .describe('GB/T 2260 prefix: 61 (a province), 6101 (a city) or 610103 (a district); units whose region code starts with it')

export const dashboardQuerySchema = z.object({
  catalogueId: z.string().min(1).max(60).optional().describe('one catalogue only'),
  planYear: z.coerce.number().int().min(2000).max(2100).optional()
    .describe('the plan year (its first calendar year, e.g. 2020 for 2020-04-01..2021-03-31); enrolments whose cover starts in it (see `planYearPeriod`)'),
  region: regionPrefixSchema.optional(),
  unitId: z.string().min(1).max(60).optional().describe('one unit only; a unit admin may name only their own unit, and without it sees their own units'),
  from: civilDateSchema.optional().describe('first day, China date'),
  to: civilDateSchema.optional().describe('last day (inclusive), China date; at most 731 days after `from` (400 `dashboard_range_reversed` / `dashboard_range_too_long`)'),
})
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>

/** The tables of the dashboard, each a sheet of the workbook (`table=` downloads one). */
export const dashboardTables = [
  'coverageByRegion', 'coverageByUnit', 'coverageByOccupation',
  'enrolmentsByDay', 'enrolmentsByEvent', 'enrolmentsByFundingSource',
  'premiumsByFundingSource',
  'claimsByStatus', 'claimsByKind',
  'daysToPay',
  'lossRatioByCatalogue', 'lossRatioByUnit',
  'adverseSelection',
] as const
export type DashboardTable = (typeof dashboardTables)[number]

export const dashboardWorkbookQuerySchema = dashboardQuerySchema.extend({
  table: z.enum(dashboardTables).optional().describe('one table only; without it every table, a sheet each'),
})
export type DashboardWorkbookQuery = z.infer<typeof dashboardWorkbookQuerySchema>

const fen = z.number().int()
const count = z.number().int().min(0)
const bp = z.number().int().nullable().describe('basis points, rounded half-up; null when the denominator is 0')

/** Coverage of a group: members enrolled ÷ the union members its units reported. */
export const coverageFiguresSchema = z.object({
  enrolledMembers: count.describe('insured persons with an enrolment of the population in the group'),
  unionMembers: count.describe('sum of union_member_headcount of the group\'s units that report one'),
  enrolledMembersCounted: count.describe('of enrolledMembers, those through a unit that reports a headcount (the rate\'s numerator)'),
  rateBp: bp.describe('enrolledMembersCounted ÷ unionMembers'),
  unitsWithoutHeadcount: count,
})
export type CoverageFigures = z.infer<typeof coverageFiguresSchema>

export const coverageByRegionRowSchema = coverageFiguresSchema.extend({
  regionCode: z.string().nullable().describe('six digits, padded (610000, 610100, 610103): one level below the `region` filter (provinces without one); null: enrolments not through a unit with a region'),
  regionName: z.string().nullable(),
})
export const coverageByUnitRowSchema = coverageFiguresSchema.extend({
  unitId: z.string().nullable().describe('null: enrolments not through a unit (events, members on their own)'),
  unitName: z.string().nullable(),
  regionCode: z.string().nullable(),
  industry: z.enum(occupations).nullable(),
})
export const coverageByOccupationRowSchema = coverageFiguresSchema.extend({
  occupation: z.enum(occupations).nullable().describe('the unit\'s occupation (`industry`); null: units without one, and enrolments not through a unit'),
})

export const enrolmentCountSchema = z.object({
  enrolments: count,
  members: count.describe('insured persons'),
  premiumFen: fen,
})
export const enrolmentsByDayRowSchema = enrolmentCountSchema.extend({ day: civilDateSchema.describe('accepted_on') })
export const enrolmentsByEventRowSchema = enrolmentCountSchema.extend({
  eventId: z.string().nullable().describe('null: not at an outreach event'),
  eventName: z.string().nullable(),
})
export const enrolmentsByFundingSourceRowSchema = enrolmentCountSchema.extend({ fundingSource: z.enum(fundingSources) })

/** Premiums collected by who pays them (the funding source the ledger groups by): the paid enrolments' premiums. */
export const premiumsByFundingSourceRowSchema = z.object({
  fundingSource: z.enum(fundingSources),
  enrolments: count,
  premiumFen: fen,
})

export const claimsByStatusRowSchema = z.object({
  status: z.enum(claimStatuses),
  claims: count,
  estimateFen: fen.describe('sum of the engine\'s estimates'),
  approvedFen: fen.describe('sum of approved amounts (0 where none)'),
})
export const claimsByKindRowSchema = z.object({
  kind: z.enum(eventKinds),
  claims: count,
  paidClaims: count,
  paidFen: fen.describe('approved amounts of the paid claims'),
})

/**
 * Time to pay, over the paid claims of the population: working days from the
 * China date of the last material to the bank's payment date, on the office's
 * holiday calendar (counted when the claim is paid: `features/calendar`).
 */
export const daysToPaySchema = z.object({
  paidClaims: count,
  paidWithinTarget: count.describe('paid within 10 working days of the last material (on or before the due date)'),
  withinTargetBp: bp,
  medianWorkingDays: z.number().int().nullable().describe('lower median (the ⌈n/2⌉-th smallest)'),
  p90WorkingDays: z.number().int().nullable().describe('the ⌈0.9·n⌉-th smallest (nearest rank)'),
  histogram: z.array(z.object({ workingDays: z.number().int().min(0), claims: count })).describe('paid claims by working days to pay, ascending; only days with claims'),
})
export type DaysToPay = z.infer<typeof daysToPaySchema>

export const lossRatioFiguresSchema = z.object({
  premiumFen: fen.describe('premiums of the enrolment population'),
  paidClaims: count,
  claimsPaidFen: fen.describe('approved amounts of the paid claims of the claim population'),
  lossRatioBp: bp.describe('claimsPaidFen ÷ premiumFen'),
})
export const lossRatioByCatalogueRowSchema = lossRatioFiguresSchema.extend({ catalogueId: z.string(), catalogueName: z.string() })
export const lossRatioByUnitRowSchema = lossRatioFiguresSchema.extend({
  unitId: z.string().nullable().describe('null: not through a unit'),
  unitName: z.string().nullable(),
})

export const straightThroughSchema = z.object({
  approvedClaims: count.describe('claims approved (approved, payment in progress or paid)'),
  straightThrough: count.describe('of those, approved by the engine on a matching medical-insurance record, no person involved'),
  shareBp: bp,
})

/** Adverse selection (参病不参健、参老不参少): thresholds a unit is flagged at. */
export const ADVERSE_PARTIAL_ROSTER_BP = 5_000
export const ADVERSE_AGE_GAP_MONTHS = 36
export const ADVERSE_CLAIMS_RATIO_FACTOR = 2

export const adverseSelectionFlags = ['partial_roster', 'older_than_roster', 'high_claims_ratio'] as const
export type AdverseSelectionFlag = (typeof adverseSelectionFlags)[number]

export const adverseSelectionRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  flags: z.array(z.enum(adverseSelectionFlags)).describe('the signals raised; the figures behind each are below'),
  enrolledMembers: count,
  unionMembers: count.nullable().describe('the unit\'s headcount; null when it reports none'),
  rateBp: bp.describe('partial_roster when below ADVERSE_PARTIAL_ROSTER_BP'),
  rosterMembers: count.describe('people the unit ever listed (every enrolment through it, whatever its status)'),
  enrolledAverageAgeMonths: z.number().int().nullable().describe('average age of the enrolled members, in months, at the reference day (`to`, or today)'),
  rosterAverageAgeMonths: z.number().int().nullable().describe('the same over rosterMembers; older_than_roster when enrolled is ADVERSE_AGE_GAP_MONTHS or more above it'),
  lossRatioBp: bp.describe('the unit\'s claims paid ÷ premiums; high_claims_ratio when ADVERSE_CLAIMS_RATIO_FACTOR times averageLossRatioBp or more'),
})
export type AdverseSelectionRow = z.infer<typeof adverseSelectionRowSchema>

export const dashboardSchema = z.object({
  filters: z.object({
    catalogueId: z.string().nullable(),
    planYear: z.number().int().nullable(),
    region: z.string().nullable(),
    unitIds: z.array(z.string()).nullable().describe('the units shown: the unitId asked for, or a unit admin\'s own; null: every unit'),
    from: civilDateSchema.nullable(),
    to: civilDateSchema.nullable(),
  }),
  scope: z.enum(['office', 'unit']).describe('unit: a unit admin\'s view of their own units'),
  generatedAt: z.string().describe('ISO instant'),
  coverage: z.object({
    total: coverageFiguresSchema,
    byRegion: z.array(coverageByRegionRowSchema),
    byUnit: z.array(coverageByUnitRowSchema),
    byOccupation: z.array(coverageByOccupationRowSchema),
  }),
  enrolments: z.object({
    total: enrolmentCountSchema,
    byDay: z.array(enrolmentsByDayRowSchema).describe('ascending; only days with enrolments'),
    byEvent: z.array(enrolmentsByEventRowSchema),
    byFundingSource: z.array(enrolmentsByFundingSourceRowSchema),
  }),
  premiums: z.object({
    totalFen: fen,
    byFundingSource: z.array(premiumsByFundingSourceRowSchema),
  }),
  claims: z.object({
    total: count,
    byStatus: z.array(claimsByStatusRowSchema),
    byKind: z.array(claimsByKindRowSchema),
  }),
  daysToPay: daysToPaySchema,
  lossRatio: z.object({
    total: lossRatioFiguresSchema,
    byCatalogue: z.array(lossRatioByCatalogueRowSchema),
    byUnit: z.array(lossRatioByUnitRowSchema),
  }),
  straightThrough: straightThroughSchema,
  adverseSelection: z.object({
    averageLossRatioBp: bp.describe('loss ratio of every unit of the population together'),
    units: z.array(adverseSelectionRowSchema).describe('every unit of the population, flagged first'),
  }),
})
export type Dashboard = z.infer<typeof dashboardSchema>

/** What is wrong with a range of well-formed dates, as an error code; null when it is fine. */
export function dashboardRangeProblem(from: CivilDate, to: CivilDate): 'dashboard_range_reversed' | 'dashboard_range_too_long' | null {
  if (from > to) return 'dashboard_range_reversed'
  if (daysBetween(from, to) + 1 > DASHBOARD_MAX_DAYS) return 'dashboard_range_too_long'
  return null
}
