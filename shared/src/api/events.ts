import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'
import { productCodeSchema } from './common'

/**
 * Outreach events (宣讲、义诊): riders scan the event's QR code and land in
 * enrolment with the event and its funding filled in. `code` is short enough for
 * a mini-program code's scene (32 characters: `e=<code>`).
 */
export const eventFundingSources = ['union_gift', 'member'] as const

/**
 * A gift's budget (赠送名额, DOMAIN.md "Funding"): how many members, which
 * products, which days of enrolment. Beyond it nobody is enrolled as a gift
 * (409 `event_gift_budget_exhausted`); an enrolment with other products, or on
 * another day, is no gift (422). Required when the union gives the cover.
 */
export const eventGiftBudgetSchema = z.object({
  limit: z.number().int().min(1).max(100_000).describe('how many members the union gives the cover to'),
  products: z.array(productCodeSchema).min(1).max(30).describe('the products given; a gift enrolment takes only these'),
  from: civilDateSchema.describe('first day (China date) a gift enrolment may be made'),
  to: civilDateSchema.describe('last day (inclusive)'),
})
export type EventGiftBudget = z.infer<typeof eventGiftBudgetSchema>

export const eventCreateRequestSchema = z.object({
  name: z.string().trim().min(1, { message: 'field_required' }).max(80),
  place: z.string().trim().min(1, { message: 'field_required' }).max(120),
  date: civilDateSchema,
  unitId: z.string().min(1).max(40).nullable().describe('organising unit'),
  catalogueId: z.string().min(1).max(60),
  products: z.array(productCodeSchema).max(30).describe('suggested selection; empty lets the rider choose'),
  fundingSource: z.enum(eventFundingSources),
  gift: eventGiftBudgetSchema.nullable().default(null).describe('required exactly when fundingSource is union_gift (422 `event_gift_budget_required`)'),
})
export type EventCreateRequest = z.infer<typeof eventCreateRequestSchema>
export type EventCreateInput = z.input<typeof eventCreateRequestSchema>

/** What anyone who scanned the code sees (no counts, no staff data). */
export const eventPublicSchema = z.object({
  id: z.string(),
  code: z.string().regex(/^[0-9A-Za-z]{4,16}$/),
  name: z.string(),
  place: z.string(),
  date: civilDateSchema,
  unitName: z.string().nullable(),
  catalogueId: z.string(),
  products: z.array(z.string()),
  fundingSource: z.enum(eventFundingSources),
  gift: eventGiftBudgetSchema.nullable(),
})
export type OutreachEventPublic = z.infer<typeof eventPublicSchema>

export const eventSchema = eventPublicSchema.extend({
  unitId: z.string().nullable(),
  link: z.string().describe('H5 link the QR code holds'),
  scene: z.string().max(32).describe('mini-program code scene, e.g. e=AB12CD'),
  counts: z.object({
    scanned: z.number().int(),
    enrolled: z.number().int(),
    pendingPayment: z.number().int(),
    gifts: z.number().int().describe('live gift enrolments counted against the budget (pending or paid)'),
  }),
  createdAt: z.string(),
  createdBy: z.string(),
})
export type OutreachEvent = z.infer<typeof eventSchema>
export const eventListResponseSchema = z.object({ events: z.array(eventSchema) })
