import { z } from 'zod'
import { occupations, sexes } from '../domain'
import { idNumberSchema, mobileSchema, personNameSchema } from '../identity/schema'

/**
 * Consents a member gives (PIPL art. 14, 29): which text, which version, when.
 * `sensitive_personal_info` comes before an ID number is collected; `medical_data`
 * before claim figures and photos.
 */
export const consentKinds = ['privacy_policy', 'sensitive_personal_info', 'medical_data'] as const
export type ConsentKind = (typeof consentKinds)[number]

export const consentRequestSchema = z.object({
  kind: z.enum(consentKinds),
  textVersion: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, { message: 'field_invalid' }).describe('version of the consent text shown, e.g. 2026-11-01'),
})
export type ConsentRequest = z.infer<typeof consentRequestSchema>

export const consentSchema = z.object({
  id: z.string(),
  kind: z.enum(consentKinds),
  textVersion: z.string(),
  givenAt: z.string().describe('instant, ISO-8601 UTC'),
  withdrawnAt: z.string().nullable(),
})
export type Consent = z.infer<typeof consentSchema>

export const consentListResponseSchema = z.object({ consents: z.array(consentSchema) })

/** `PUT /api/v1/me/profile`: the real-name profile (实名信息), all of it. */
export const profileRequestSchema = z.object({
  name: personNameSchema,
  idNumber: idNumberSchema().describe('resident ID number (GB 11643); lower-case x and full-width digits accepted'),
  mobile: mobileSchema,
  occupation: z.enum(occupations),
  platform: z.string().trim().min(1, { message: 'field_required' }).max(60).describe('platform or unit worked for, e.g. 美团'),
  basicMedicalInsurance: z.boolean().describe('holds basic medical insurance (基本医疗保险)'),
  unionMember: z.boolean(),
})
export type ProfileRequest = z.input<typeof profileRequestSchema>

/**
 * A profile as shown. To the member themself `idNumber` and `mobile` are in full
 * (`masked: false`); to anyone else they are masked.
 */
export const profileResponseSchema = z.object({
  userId: z.string(),
  name: z.string(),
  idNumber: z.string(),
  sex: z.enum(sexes),
  birthDate: z.string(),
  mobile: z.string(),
  masked: z.boolean(),
  occupation: z.enum(occupations),
  platform: z.string(),
  basicMedicalInsurance: z.boolean(),
  unionMember: z.boolean(),
  updatedAt: z.string(),
})
export type ProfileResponse = z.infer<typeof profileResponseSchema>

/** Staff find a member by ID number (through its keyed hash: the number is never searched in clear). */
export const memberSearchRequestSchema = z.object({ idNumber: idNumberSchema() })
/**
 * One account a search found: its profile masked, plus what staff need to tell
 * the rider's own account from another that typed the same number: when the
 * profile was made, the account's login phone (masked; null for a WeChat-only
 * account), and whether it is already linked to the insured person with this
 * ID number (DOMAIN.md, "Identity").
 */
export const memberSearchResultSchema = profileResponseSchema.extend({
  profileCreatedAt: z.string().describe('instant the profile was first saved, ISO-8601 UTC'),
  loginPhoneMasked: z.string().nullable().describe('the phone the account proved at log-in, masked; null when it signs in by WeChat only'),
  linked: z.boolean().describe('the account is linked to the insured person with this ID number: it sees and claims on their cover'),
})
export type MemberSearchResult = z.infer<typeof memberSearchResultSchema>
export const memberSearchResponseSchema = z.object({ members: z.array(memberSearchResultSchema) })
export type MemberSearchResponse = z.infer<typeof memberSearchResponseSchema>

/** Office staff verified in person that an account's owner is the person its profile names: the account now sees their cover. */
export const identityVerificationResponseSchema = z.object({ userId: z.string(), insuredPersonId: z.string() })
export type IdentityVerificationResponse = z.infer<typeof identityVerificationResponseSchema>
