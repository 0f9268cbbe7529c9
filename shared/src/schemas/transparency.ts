import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'
import { eventKinds } from '../domain'

/**
 * Public figures for members (公开透明), no login: per catalogue and plan year,
 * what the scheme collected and paid, and its paid cases anonymised.
 *
 * `GET /api/v1/transparency`: the catalogues and their plan years that have
 * members; `GET /api/v1/transparency/:catalogueId/:planYear`: one plan year's
 * figures and cases (`endpoints.transparency` in the API contract). Both cached (`Cache-Control: public, max-age=…`).
 *
 * A paid case is shown only inside a group of at least
 * `TRANSPARENCY_MIN_GROUP` people: cases are grouped by kind, amount band, age
 * band, city and days-to-pay band; a group smaller than that is shown at the
 * province instead of the city, and if still too small, not shown at all
 * (counted in `suppressedCases`). Never a name, ID number, birth date or exact
 * date.
 */

/** The fewest people a shown combination may belong to. */
export const TRANSPARENCY_MIN_GROUP = 5
/** Seconds the public figures are cached (in the server and by clients). */
export const TRANSPARENCY_CACHE_SECONDS = 300

export const transparencyPlanParamsSchema = z.object({
  catalogueId: z.string().min(1).max(60),
  planYear: z.coerce.number().int().min(2000).max(2100),
})
export type TransparencyPlanParams = z.infer<typeof transparencyPlanParamsSchema>

export const transparencyIndexSchema = z.object({
  plans: z.array(z.object({
    catalogueId: z.string(),
    catalogueName: z.string(),
    planYear: z.number().int(),
    start: civilDateSchema.describe('first day of the plan year'),
    end: civilDateSchema.describe('last day of the plan year'),
  })).describe('by catalogue, then plan year, newest first'),
  generatedAt: z.string(),
})
export type TransparencyIndex = z.infer<typeof transparencyIndexSchema>

/** Bands cases are shown in (lower bounds inclusive; the last is open). */
export const transparencyAmountBandsFen = [0, 100_000, 500_000, 1_000_000, 5_000_000] as const
export const transparencyAgeBands = [0, 30, 40, 50, 60] as const
export const transparencyDaysBands = [0, 6, 11, 21] as const

const band = z.object({
  min: z.number().int().describe('inclusive'),
  max: z.number().int().nullable().describe('inclusive; null: open'),
})

export const transparencyCaseGroupSchema = z.object({
  kind: z.enum(eventKinds),
  amountFen: band.describe('the band of approved amounts, fen'),
  ageYears: band.describe('age on the event date'),
  place: z.string().nullable().describe('the city (or, coarsened, the province) of the member\'s unit; null: not through a unit with a region'),
  placeLevel: z.enum(['city', 'province', 'unknown']),
  workingDaysToPay: band,
  cases: z.number().int().min(1),
  people: z.number().int().min(TRANSPARENCY_MIN_GROUP),
  paidFen: z.number().int().describe('sum paid in the group'),
})
export type TransparencyCaseGroup = z.infer<typeof transparencyCaseGroupSchema>

export const transparencyPlanSchema = z.object({
  catalogueId: z.string(),
  catalogueName: z.string(),
  planYear: z.number().int(),
  start: civilDateSchema,
  end: civilDateSchema,
  membersCovered: z.number().int().describe('insured persons with paid cover starting in the plan year'),
  premiumsFen: z.number().int().describe('their premiums'),
  claimsPaid: z.number().int(),
  claimsPaidFen: z.number().int(),
  lossRatioBp: z.number().int().nullable().describe('claimsPaidFen ÷ premiumsFen in basis points, half-up; null without premiums'),
  medianWorkingDaysToPay: z.number().int().nullable().describe('lower median of working days from the last material to payment'),
  cases: z.array(transparencyCaseGroupSchema).describe('paid cases in groups of at least TRANSPARENCY_MIN_GROUP people; most cases first'),
  suppressedCases: z.number().int().describe('paid cases in no group shown (too few people alike)'),
  generatedAt: z.string(),
})
export type TransparencyPlan = z.infer<typeof transparencyPlanSchema>
