import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'
import { enrolmentModes, fundingSources, occupations, sexes } from '../domain'
import { productCodeSchema } from './common'
import { premiumLineSchema } from './quotes'
import { renewalOfferSchema } from './renewals'
import { enrolmentShareSchema } from './funding'
import { fundingPayers } from '../units/funding-order'

/**
 * Enrolment (参保): one insured person, one catalogue, one selection, one cover
 * period. Stored status is `pending_payment` until staff confirm the payment,
 * then `active`; `cancelled` ends it. `coverState` is what the member sees today.
 */
export const enrolmentStatuses = ['pending_payment', 'active', 'cancelled'] as const
export type EnrolmentStatus = (typeof enrolmentStatuses)[number]

/** Today's state, from status and dates: 待缴费 / 等待期 / 保障中 / 未开始 / 已到期 / 已取消. */
export const coverStates = ['pending_payment', 'not_started', 'waiting', 'covered', 'ended', 'cancelled'] as const
export type CoverState = (typeof coverStates)[number]

const idSchema = z.string().min(1).max(40)

/** `POST /api/v1/me/enrolments`: a member enrols themself (instant mode) from a quote. Needs the profile. */
export const selfEnrolmentRequestSchema = z.object({
  catalogueId: z.string().min(1).max(60),
  products: z.array(productCodeSchema).min(1).max(30).describe('product codes; a repeated code is another share'),
  eventId: idSchema.optional().describe('outreach event the rider came from (by its QR code); sets funding from the event'),
  expectedPremiumFen: z.number().int().min(0).optional().describe('the premium the app showed; 409 quote_changed if the server computes another'),
})
export type SelfEnrolmentRequest = z.infer<typeof selfEnrolmentRequestSchema>

export const insuredPersonSchema = z.object({
  name: z.string().describe('masked (张*) unless the viewer is the person or staff'),
  idNumber: z.string().describe('masked (6101**********1234) unless the viewer is the person'),
  sex: z.enum(sexes),
  birthDate: z.string().describe('YYYY-MM-DD to the person; to anyone else only the year (1990-**-**), as the ID number is masked'),
  mobile: z.string().nullable().describe('masked unless the viewer is the person'),
  occupation: z.enum(occupations).nullable(),
  platform: z.string().nullable(),
})

export const enrolmentSchema = z.object({
  id: z.string(),
  catalogueId: z.string(),
  catalogueName: z.string(),
  mode: z.enum(enrolmentModes),
  status: z.enum(enrolmentStatuses),
  coverState: z.enum(coverStates),
  products: z.array(z.object({ code: z.string(), name: z.string(), shares: z.number().int() })),
  acceptedOn: civilDateSchema,
  start: civilDateSchema,
  end: civilDateSchema,
  coverFrom: z.record(z.string(), civilDateSchema).describe('per category (hospital, critical, accident) the first day it pays'),
  premiumFen: z.number().int(),
  lines: z.array(premiumLineSchema),
  fundingSource: z.enum(fundingSources),
  shares: z.array(enrolmentShareSchema).describe('who pays how much of the premium (union first, then unit, then member), and whether each share is paid; cover starts when all are'),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  eventId: z.string().nullable(),
  person: insuredPersonSchema,
  payment: z.object({ id: z.string(), reference: z.string(), confirmedAt: z.string() }).nullable(),
  paymentCode: z.string().nullable().describe('the payment code (缴费识别码) a bank transfer for it writes in its memo: its own, or its roster’s when the unit pays the roster as a whole'),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  renewsEnrolmentId: z.string().nullable().describe('the enrolment this one renews (续保): it starts the day after that one ends'),
  renewal: renewalOfferSchema.nullable().describe('to the insured person, while the renewal window of this active cover is open; else null'),
})
export type Enrolment = z.infer<typeof enrolmentSchema>

export const enrolmentListResponseSchema = z.object({
  enrolments: z.array(enrolmentSchema),
  nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null at the end'),
})

/** `GET /api/v1/enrolments` (staff, reviewer, admin; a unit admin with their own `unitId`). */
export const enrolmentListQuerySchema = z.object({
  unitId: idSchema.optional(),
  catalogueId: z.string().max(60).optional(),
  eventId: idSchema.optional(),
  status: z.enum(enrolmentStatuses).optional(),
  cursor: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

/**
 * `GET /api/v1/payments/pending-enrolments` (staff, admin): every enrolment awaiting payment, whoever made it
 * (the rider alone, an outreach event, a unit), newest first, paged by cursor. `q` finds the insured person by
 * a whole mainland mobile number (matched through its keyed hash) or else by part of the name.
 */
export const pendingEnrolmentQuerySchema = z.object({
  q: z.string().trim().max(40).optional().describe('a whole mobile number, or part of the name'),
  cursor: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type PendingEnrolmentQuery = z.input<typeof pendingEnrolmentQuerySchema>

/**
 * `POST /api/v1/payments` (staff): a bank transfer confirmed against pending
 * enrolments, which become active in the same transaction. `reference` is unique
 * per catalogue; `amountFen` must equal the sum of their premiums.
 */
export const paymentRequestSchema = z
  .object({
    catalogueId: z.string().min(1).max(60),
    reference: z.string().trim().min(4, { message: 'field_invalid' }).max(64).describe('bank transfer reference (流水号)'),
    amountFen: z.number().int().min(0),
    payer: z.string().trim().max(80).optional().describe('who transferred, as on the bank slip'),
    enrolmentIds: z.array(idSchema).min(1).max(100_000).optional(),
    unitId: idSchema.optional().describe('all of this unit’s pending enrolments in the catalogue'),
    fundingPayer: z.enum(fundingPayers).optional().describe('only this payer’s owed shares (e.g. the unit’s part of a split); without it every owed share'),
  })
  .refine((b) => (b.enrolmentIds === undefined) !== (b.unitId === undefined), { message: 'payment_target_required', path: ['enrolmentIds'] })
export type PaymentRequest = z.infer<typeof paymentRequestSchema>

export const paymentSchema = z.object({
  id: z.string(),
  catalogueId: z.string(),
  reference: z.string(),
  amountFen: z.number().int(),
  payer: z.string().nullable(),
  enrolmentCount: z.number().int(),
  confirmedAt: z.string(),
  confirmedBy: z.string(),
})
export type Payment = z.infer<typeof paymentSchema>

/** `GET /api/v1/payments?catalogueId=` (staff, admin): confirmed payments, newest first. */
export const paymentListQuerySchema = z.object({ catalogueId: z.string().min(1).max(60) })
export const paymentListResponseSchema = z.object({ payments: z.array(paymentSchema) })

/**
 * `GET /api/v1/enrolments/:enrolmentId/certificate`: the member card of an
 * active enrolment. `payload` (HZ1.…) goes into the QR code; it is signed with
 * Ed25519 and verifies offline against `GET /api/v1/certificates/keys`.
 */
export const certificateResponseSchema = z.object({
  payload: z.string(),
  keyId: z.string(),
  enrolmentId: z.string(),
  validFrom: civilDateSchema,
  validTo: civilDateSchema,
})
export type CertificateResponse = z.infer<typeof certificateResponseSchema>

export const certificateKeysResponseSchema = z.object({
  keys: z.array(z.object({ keyId: z.string(), publicKey: z.string().describe('Ed25519 public key, base64url') })),
})

/** `POST /api/v1/certificates/checks` (staff): the online check after the offline one: is the cover still in force? */
export const certificateCheckRequestSchema = z.object({ payload: z.string().min(1).max(2000) })
export const certificateCheckResponseSchema = z.object({
  verdict: z.enum(['valid', 'not_started', 'expired', 'cancelled', 'invalid']),
  message: z.string().describe('Chinese verdict for the person at the desk'),
  enrolment: enrolmentSchema.nullable().describe('masked; null when the payload is invalid'),
})
export type CertificateCheckResponse = z.infer<typeof certificateCheckResponseSchema>
