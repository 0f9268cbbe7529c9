import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'
import { eventKinds } from '../domain'
import { refusalCodes } from '../messages/refusals'
import { fenSchema } from '../money/fen'
import { claimPayeeSchema } from './payee-accounts'
import { payoutLineSchema } from './payout-estimates'

/**
 * Claims (理赔). Photos are uploaded first (`POST /api/v1/uploads`, raw bytes);
 * the claim is created and submitted in one request that names them
 * (`POST /api/v1/claims`, with an `Idempotency-Key` header so a retry makes one
 * claim). The draft lives on the phone until then.
 *
 * Lifecycle: submitted → in_review → (needs_material → submitted again) →
 * approved (awaiting payment) → payment_in_progress (in a payment batch at the
 * bank) → paid, or back to approved when the bank could not pay (the member is
 * asked to correct the account); or rejected, or withdrawn by the member before
 * a decision.
 */
export const claimStatuses = ['submitted', 'in_review', 'needs_material', 'approved', 'payment_in_progress', 'rejected', 'paid', 'withdrawn'] as const
export type ClaimStatus = (typeof claimStatuses)[number]
/** Statuses in which nothing has been decided yet: the member may still withdraw. */
export const openClaimStatuses = ['submitted', 'in_review', 'needs_material'] as const satisfies readonly ClaimStatus[]
/** Statuses of a claim that pays (or has paid) its approved amount: its payout counts against the plan year's caps. */
export const payingClaimStatuses = ['approved', 'payment_in_progress', 'paid'] as const satisfies readonly ClaimStatus[]
/** Statuses in which the member may still choose another payee account: not yet at the bank, not paid, not closed. */
export const payeeChangeableClaimStatuses = ['submitted', 'in_review', 'needs_material', 'approved'] as const satisfies readonly ClaimStatus[]

/** Kinds of material (理赔材料). */
export const documentKinds = ['invoice', 'settlement_slip', 'discharge_summary', 'diagnosis', 'id_card', 'bank_card', 'other'] as const
export type DocumentKind = (typeof documentKinds)[number]

/** Photo and document types accepted, known from the bytes. */
export const uploadMediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export const uploadSchema = z.object({
  id: z.string(),
  mediaType: z.enum(uploadMediaTypes),
  size: z.number().int(),
  sha256: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  createdAt: z.string(),
})
export type Upload = z.infer<typeof uploadSchema>

/** The figures from the medical-insurance settlement slip (结算单). */
export const claimFiguresSchema = z.object({
  totalCostFen: fenSchema.optional().describe('total medical cost (医疗费用总额)'),
  pooledOutOfPocketFen: fenSchema.optional().describe('pooled-fund (统筹) out-of-pocket'),
  supplementaryOutOfPocketFen: fenSchema.optional().describe('supplementary (附加) out-of-pocket'),
  deductiblePaidFen: fenSchema.optional().describe('deductible paid (起付线)'),
  hospitalDays: z.number().int().min(0).max(366).optional(),
  inSitu: z.boolean().optional().describe('carcinoma in situ (原位癌)'),
  femaleCancer: z.boolean().optional().describe('female-specific cancer'),
  disabilityGrade: z.number().int().min(1).max(10).optional(),
})
export type ClaimFigures = z.infer<typeof claimFiguresSchema>

const documentRefSchema = z.object({ uploadId: z.string().min(1).max(40), kind: z.enum(documentKinds) })

export const claimCreateRequestSchema = z.object({
  enrolmentId: z.string().min(1).max(40),
  kind: z.enum(eventKinds),
  eventDate: civilDateSchema.describe('admission, diagnosis or accident date'),
  diagnosis: z.string().trim().min(1, { message: 'field_required' }).max(200),
  hospital: z.string().trim().max(100).optional(),
  figures: claimFiguresSchema,
  invoiceNumbers: z.array(z.string().trim().regex(/^[0-9A-Za-z-]{4,40}$/, { message: 'field_invalid' })).max(20).default([]),
  documents: z.array(documentRefSchema).min(1, { message: 'claim_documents_required' }).max(30),
  payeeAccountId: z.string().min(1).max(40).describe('one of my payee accounts (`GET /api/v1/me/payee-accounts`): where the claim is paid'),
})
export type ClaimCreateRequest = z.input<typeof claimCreateRequestSchema>

/** `POST /api/v1/claims/:claimId/material`: what the reviewer asked for; the claim is submitted again. */
export const claimMaterialRequestSchema = z.object({
  documents: z.array(documentRefSchema).max(30).default([]),
  figures: claimFiguresSchema.optional().describe('replaces the figures when given'),
  invoiceNumbers: z.array(z.string().trim().regex(/^[0-9A-Za-z-]{4,40}$/, { message: 'field_invalid' })).max(20).optional(),
  note: z.string().trim().max(500).optional(),
})

export const claimWithdrawRequestSchema = z.object({ note: z.string().trim().max(500).optional() })

export const claimDecisionRequestSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    amountFen: fenSchema.optional().describe('only to change the engine’s amount; then `note` is required'),
    note: z.string().trim().max(500).optional(),
  }),
  z.object({
    decision: z.literal('request_material'),
    missing: z.array(z.enum(documentKinds)).min(1).max(10),
    note: z.string().trim().min(1, { message: 'field_required' }).max(500),
  }),
  z.object({
    decision: z.literal('reject'),
    refusal: z.enum(refusalCodes as [string, ...string[]]),
    note: z.string().trim().max(500).optional(),
  }),
])
export type ClaimDecisionRequest = z.infer<typeof claimDecisionRequestSchema>

export const claimFlagCodes = ['duplicate_photo', 'duplicate_invoice', 'waiting_period', 'outside_cover', 'overlapping_cover', 'amount_changed', 'sampled', 'medical_figures_mismatch'] as const
export const claimFlagSchema = z.object({
  code: z.enum(claimFlagCodes),
  message: z.string(),
  otherClaimId: z.string().nullable(),
})

export const claimHistoryEntrySchema = z.object({
  at: z.string(),
  status: z.enum(claimStatuses),
  actorRole: z.enum(['member', 'reviewer', 'staff', 'system']),
  note: z.string().nullable(),
})

/** The settlement figures a medical-insurance record and a claim both give, compared one by one. */
export const comparedFigureFields = ['totalCostFen', 'pooledOutOfPocketFen', 'supplementaryOutOfPocketFen', 'deductiblePaidFen', 'hospitalDays'] as const
export type ComparedFigureField = (typeof comparedFigureFields)[number]

/**
 * The imported medical-insurance settlement record (医保结算记录) a claim was
 * matched to: same insured person, a stay holding the event date. `differences`
 * names the claim's figures that do not equal the record's (a figure the member
 * left out counts as 0; days in hospital only when the member gave them).
 */
export const claimMedicalRecordSchema = z.object({
  result: z.enum(['verified', 'mismatch']),
  hospital: z.string(),
  admittedOn: civilDateSchema,
  dischargedOn: civilDateSchema,
  figures: z.object({
    totalCostFen: z.number().int(),
    pooledOutOfPocketFen: z.number().int(),
    supplementaryOutOfPocketFen: z.number().int(),
    deductiblePaidFen: z.number().int(),
    hospitalDays: z.number().int().describe('as medical insurance counts them: admission day counted, discharge day not, at least 1'),
  }),
  differences: z.array(z.enum(comparedFigureFields)),
  importedAt: z.string(),
})
export type ClaimMedicalRecord = z.infer<typeof claimMedicalRecordSchema>

export const claimSchema = z.object({
  id: z.string(),
  enrolmentId: z.string(),
  catalogueId: z.string(),
  products: z.array(z.object({ code: z.string(), name: z.string(), shares: z.number().int() })),
  personName: z.string().describe('masked except for the member and a reviewer'),
  kind: z.enum(eventKinds),
  eventDate: civilDateSchema,
  diagnosis: z.string(),
  hospital: z.string().nullable(),
  figures: claimFiguresSchema,
  invoiceNumbers: z.array(z.string()),
  documents: z.array(z.object({ uploadId: z.string(), kind: z.enum(documentKinds), mediaType: z.string(), size: z.number().int() })),
  status: z.enum(claimStatuses),
  submittedAt: z.string(),
  lastMaterialAt: z.string(),
  dueOn: civilDateSchema.describe('10 working days after the last material'),
  dueOnProvisional: z.boolean().describe('an open claim whose due date was counted over a year whose holiday calendar is not yet published (weekends alone): it is counted again when an admin enters the year'),
  overdue: z.boolean(),
  estimate: z.object({ totalFen: z.number().int(), lines: z.array(payoutLineSchema) }).describe('the engine’s payout'),
  decision: z
    .object({
      decidedAt: z.string(),
      approvedFen: z.number().int().nullable(),
      lines: z.array(payoutLineSchema).describe('the payout lines approved'),
      refusal: z.object({ code: z.string(), number: z.number().int(), text: z.string() }).nullable(),
      missing: z.array(z.enum(documentKinds)),
      note: z.string().nullable(),
    })
    .nullable(),
  payeeAccount: claimPayeeSchema.nullable().describe('where the claim is paid (masked; the holder masked for staff); null for a claim made before payee accounts'),
  payment: z.object({
    reference: z.string().describe('the bank’s serial number, or the claim number the transfer carried'),
    paidAt: z.string().describe('when the payment was recorded'),
    paidOn: civilDateSchema.nullable().describe('the bank’s date of the transfer; null for payments recorded before bank results were imported'),
  }).nullable(),
  paymentFailure: z.object({
    reason: z.string().describe('the bank’s reason'),
    failedOn: civilDateSchema,
    accountChanged: z.boolean().describe('the member has chosen another account since'),
  }).nullable().describe('while the claim awaits payment again after the bank could not pay it'),
  flags: z.array(claimFlagSchema).describe('for reviewers and staff; empty for the member'),
  history: z.array(claimHistoryEntrySchema),
  medicalRecord: claimMedicalRecordSchema.nullable().optional()
    .describe('for reviewers, staff and admins: the matched medical-insurance record, null when none matched; left out for the member'),
})
export type Claim = z.infer<typeof claimSchema>

export const claimSummarySchema = claimSchema.pick({
  id: true, enrolmentId: true, catalogueId: true, personName: true, kind: true, eventDate: true, status: true,
  submittedAt: true, dueOn: true, dueOnProvisional: true, overdue: true, flags: true,
}).extend({
  estimateFen: z.number().int(),
  approvedFen: z.number().int().nullable(),
  hasPayeeAccount: z.boolean().describe('whether the claim names a payee account (needed to put it into a payment batch)'),
})
export type ClaimSummary = z.infer<typeof claimSummarySchema>

export const claimListResponseSchema = z.object({
  claims: z.array(claimSummarySchema),
  nextCursor: z.string().nullable(),
})

/** `GET /api/v1/review/claims`: the reviewer queue, by due date (earliest first). */
export const reviewQueueQuerySchema = z.object({
  status: z.enum(['submitted', 'in_review', 'needs_material', 'approved']).optional().describe('default: submitted and in_review'),
  kind: z.enum(eventKinds).optional(),
  catalogueId: z.string().max(60).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  flagged: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

/** `GET /api/v1/review/sample`: claims for a second look. */
export const reviewSampleQuerySchema = z.object({
  sharePercent: z.coerce.number().int().min(1).max(100).default(10),
  aboveFen: z.coerce.number().int().min(0).optional(),
  since: civilDateSchema.optional(),
  farFromAverage: z.coerce.number().min(1).max(10).optional()
    .describe('standard deviations: also every claim more than this far from the mean of the other approved or paid claims of its kind since `since`'),
})
