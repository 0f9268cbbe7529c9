import { z } from 'zod'
import { occupations } from '../domain'
import { idNumberSchema, mobileSchema, personNameSchema } from '../identity/schema'
import { productCodeSchema } from './common'
import { enrolmentSchema } from './enrolments'
import { eventFundingSources } from './events'

/**
 * Staff-assisted enrolment (代办) at an outreach event: a staff member enters a
 * rider's details; nothing is enrolled until the rider, signed in on their own
 * phone with the SMS code sent to the number entered (which proves the phone),
 * reads the details and the consent text and confirms.
 */
export const assistedEnrolmentRequestSchema = z.object({
  name: personNameSchema,
  idNumber: idNumberSchema().describe('the rider’s resident ID number (GB 11643), checked as in self-enrolment'),
  mobile: mobileSchema.describe('the rider’s own phone: the confirmation code goes there'),
  occupation: z.enum(occupations),
  platform: z.string().trim().min(1, { message: 'field_required' }).max(60),
  basicMedicalInsurance: z.boolean(),
  unionMember: z.boolean(),
  products: z.array(productCodeSchema).min(1).max(30).describe('products of the event’s catalogue'),
  expectedPremiumFen: z.number().int().min(0).optional().describe('the premium the staff member saw quoted; 409 `quote_changed` when the server prices differently'),
})
export type AssistedEnrolmentRequest = z.infer<typeof assistedEnrolmentRequestSchema>
export type AssistedEnrolmentInput = z.input<typeof assistedEnrolmentRequestSchema>

/** `waiting`: for the rider's confirmation; `confirmed`: an enrolment exists; `expired`: never confirmed in time, never cover. */
export const assistedEnrolmentStatuses = ['waiting', 'confirmed', 'expired'] as const
export type AssistedEnrolmentStatus = (typeof assistedEnrolmentStatuses)[number]

/** An assisted enrolment as staff and the rider see it: ID number and phone masked. */
export const assistedEnrolmentSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventName: z.string(),
  catalogueId: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  mobileMasked: z.string(),
  products: z.array(z.object({ code: z.string(), name: z.string() })).describe('the products, named as in the catalogue'),
  premiumFen: z.number().int().describe('the premium quoted when staff entered it (priced again on confirmation)'),
  fundingSource: z.enum(eventFundingSources),
  status: z.enum(assistedEnrolmentStatuses),
  createdAt: z.string(),
  expiresAt: z.string().describe('instant after which it can no longer be confirmed'),
  confirmedAt: z.string().nullable(),
  enrolmentId: z.string().nullable(),
  enrolmentStatus: z.string().nullable().describe('the enrolment’s status once confirmed: pending_payment, active, cancelled'),
})
export type AssistedEnrolment = z.infer<typeof assistedEnrolmentSchema>
export const assistedEnrolmentListResponseSchema = z.object({ assistedEnrolments: z.array(assistedEnrolmentSchema) })
export type AssistedEnrolmentListResponse = z.infer<typeof assistedEnrolmentListResponseSchema>

/** The rider's confirmation: the version of the consent text they were shown. */
export const assistedConfirmationRequestSchema = z.object({
  textVersion: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, { message: 'field_invalid' }).describe('version of the sensitive-personal-information consent text shown'),
})
export type AssistedConfirmationRequest = z.infer<typeof assistedConfirmationRequestSchema>

/** After the rider confirmed: the assisted enrolment and the enrolment it became (pending payment by the member, or by the gift). */
export const assistedConfirmationResponseSchema = z.object({
  assistedEnrolment: assistedEnrolmentSchema,
  enrolment: enrolmentSchema,
})
export type AssistedConfirmationResponse = z.infer<typeof assistedConfirmationResponseSchema>
