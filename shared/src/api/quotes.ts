import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'
import { enrolmentModes } from '../domain'
import { productCodeSchema } from './common'

export const quoteRequestSchema = z.object({
  catalogueId: z.string().min(1).max(60),
  products: z.array(productCodeSchema).max(30).describe('product codes; a repeated code is another share'),
  mode: z.enum(enrolmentModes),
  acceptedOn: civilDateSchema.describe('day the application or roster is accepted'),
})
export type QuoteRequestBody = z.infer<typeof quoteRequestSchema>

export const premiumLineSchema = z.object({
  product: z.string(),
  name: z.string(),
  kind: z.enum(['product', 'bundle_discount']),
  shares: z.number().int(),
  premiumFen: z.number().int(),
})

export const quoteResponseSchema = z.object({
  catalogueId: z.string(),
  mode: z.enum(enrolmentModes),
  acceptedOn: civilDateSchema,
  start: civilDateSchema,
  end: civilDateSchema,
  premiumFen: z.number().int(),
  lines: z.array(premiumLineSchema),
  proration: z.object({ rateBp: z.number().int(), label: z.string() }).nullable(),
  coverFrom: z.record(z.string(), civilDateSchema).describe('per category (hospital, critical, accident) the first day it pays'),
})
export type QuoteResponse = z.infer<typeof quoteResponseSchema>

/** 422 details: one per broken rule, naming the product. */
export const ruleViolationSchema = z.object({
  rule: z.string(),
  product: z.string().nullable(),
  message: z.string(),
})
