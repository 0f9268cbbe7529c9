import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'

/**
 * Renewal (续保). On the member's own enrolment while its renewal window is open
 * (`GET /api/v1/me/enrolments`): the window, the renewal already made, and what
 * renewing today gives (the engine's dates and premium) or why it cannot.
 */
export const renewalOfferSchema = z.object({
  opensOn: civilDateSchema.describe('first day it may be renewed'),
  closesOn: civilDateSchema.describe('last day to renew without a gap: the cover’s last day'),
  renewalId: z.string().nullable().describe('the renewal already made (awaiting payment or paid), if any'),
  offer: z.object({
    catalogueId: z.string(),
    catalogueName: z.string(),
    start: civilDateSchema.describe('the day after this cover ends'),
    end: civilDateSchema,
    premiumFen: z.number().int(),
    coverFrom: z.record(z.string(), civilDateSchema),
  }).nullable().describe('renewing today; null when it cannot be renewed (see `unavailable`)'),
  unavailable: z.string().nullable().describe('why it cannot be renewed today, in Chinese'),
})
export type RenewalOffer = z.infer<typeof renewalOfferSchema>

/** `POST /api/v1/enrolments/:enrolmentId/renewals`: renew my cover; the body may be left out. */
export const renewalRequestSchema = z.object({
  expectedPremiumFen: z.number().int().min(0).optional().describe('the premium the app showed; 409 quote_changed if the server computes another'),
}).optional()
export type RenewalRequestBody = z.infer<typeof renewalRequestSchema>

/**
 * `GET /api/v1/units/:unitId/renewals`: per catalogue, the unit's active covers
 * whose renewal window is open today and that are not renewed yet, and the
 * catalogue their renewal roster is uploaded for (`GET .../renewal-roster.xlsx`).
 */
export const unitRenewalSchema = z.object({
  catalogueId: z.string().describe('the catalogue of the covers ending'),
  catalogueName: z.string(),
  intoCatalogueId: z.string().nullable().describe('the catalogue they renew into (its successor, or the same); null when none is published'),
  intoCatalogueName: z.string().nullable(),
  endingCount: z.number().int(),
  firstEnd: civilDateSchema,
  lastEnd: civilDateSchema,
})
export type UnitRenewal = z.infer<typeof unitRenewalSchema>
export const unitRenewalListSchema = z.object({ renewals: z.array(unitRenewalSchema) })
