import { z } from 'zod'
import { fundingPayers } from '../units/funding-order'
import { personNameSchema } from '../identity/schema'
import { profileRequestSchema } from './members'

/** Hardship workers (困难职工): staff flag a person by ID number; the union then pays their share of any premium. */
export const hardshipFlagRequestSchema = z.object({
  name: personNameSchema.describe('the name on the ID card (kept sealed, shown masked)'),
  idNumber: profileRequestSchema.shape.idNumber,
  reason: z.string().trim().min(2, { message: 'field_required' }).max(200).describe('e.g. the union’s hardship record number (困难职工档案号)'),
})
export type HardshipFlagRequest = z.infer<typeof hardshipFlagRequestSchema>
export const hardshipWorkerSchema = z.object({
  id: z.string(),
  nameMasked: z.string().nullable().describe('null: flagged before names were recorded'),
  idNumberMasked: z.string(),
  reason: z.string(),
  flaggedAt: z.string(),
  flaggedBy: z.string(),
})
export type HardshipWorker = z.infer<typeof hardshipWorkerSchema>
export const hardshipWorkerListSchema = z.object({
  workers: z.array(hardshipWorkerSchema).describe('newest flag first'),
  nextBefore: z.string().nullable().describe('pass as `before` for the next page; null at the end'),
})
export type HardshipWorkerList = z.infer<typeof hardshipWorkerListSchema>

/** One payer's share of an enrolment's premium: owed until a payment receives it. */
export const enrolmentShareSchema = z.object({
  payer: z.enum(fundingPayers),
  amountFen: z.number().int(),
  paid: z.boolean(),
})
export type EnrolmentShare = z.infer<typeof enrolmentShareSchema>
