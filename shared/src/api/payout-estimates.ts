import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'
import { eventKinds, sexes } from '../domain'
import { fenSchema } from '../money/fen'
import { quoteRequestSchema } from './quotes'

/** An event and the figures from the settlement slip. */
export const claimEventSchema = z.object({
  kind: z.enum(eventKinds),
  date: civilDateSchema,
  pooledOutOfPocketFen: fenSchema.optional().describe('pooled-fund (统筹) out-of-pocket amount'),
  supplementaryOutOfPocketFen: fenSchema.optional().describe('supplementary (附加) out-of-pocket amount'),
  hospitalDays: z.number().int().min(0).max(366).optional(),
  deductiblePaidFen: fenSchema.optional(),
  inSitu: z.boolean().optional(),
  femaleCancer: z.boolean().optional(),
  disabilityGrade: z.number().int().min(1).max(10).optional(),
})
export type ClaimEventBody = z.infer<typeof claimEventSchema>

export const payoutEstimateRequestSchema = quoteRequestSchema.extend({
  sex: z.enum(sexes),
  event: claimEventSchema,
})
export type PayoutEstimateRequest = z.infer<typeof payoutEstimateRequestSchema>

export const payoutLineSchema = z.object({
  product: z.string(),
  productName: z.string(),
  benefit: z.string().nullable(),
  benefitName: z.string().nullable(),
  part: z.string().nullable(),
  amountFen: z.number().int(),
  rule: z.string(),
  refusal: z.object({ code: z.string(), number: z.number().int() }).nullable(),
  reason: z.string(),
})

export const payoutEstimateResponseSchema = z.object({
  totalFen: z.number().int(),
  lines: z.array(payoutLineSchema),
})
export type PayoutEstimateResponse = z.infer<typeof payoutEstimateResponseSchema>
