import { z } from 'zod'
import { fundingSources, occupations } from '../domain'
import { mobileSchema } from '../identity/schema'
import { fenSchema } from '../money/fen'
import { productCodeSchema } from './common'

export const unitSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() })
export type Unit = z.infer<typeof unitSchema>

/** Who pays how much of one member’s full-year premium under the unit’s standing selection (`fundingSource: split`). */
export const unitFundingSplitSchema = z.object({
  unionFen: fenSchema.describe('the union’s share (工会)'),
  unitFen: fenSchema.describe('the unit’s share (单位)'),
  memberFen: fenSchema.describe('the member’s own share (个人): all they pay'),
})
export type UnitFundingSplit = z.infer<typeof unitFundingSplitSchema>

/** Text a form may leave blank: blank is null. */
const blankIsNull = (inner: z.ZodString) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), inner.nullable()).default(null)

/**
 * A unit (参保单位) as office staff create (`POST /api/v1/units`) and edit it
 * (`PUT /api/v1/units/:unitId`, the whole record): its profile and its standing
 * selection: the catalogue, products and funding that its roster rows and new
 * hires get (DOMAIN.md rule 6). A field left out is none (null, no products,
 * the unit pays).
 */
export const unitRecordSchema = z.object({
  name: z.string().trim().min(1, { message: 'field_required' }).max(80).describe('e.g. 某某区快递行业工会联合会'),
  creditCode: blankIsNull(z.string().max(40)).describe('统一社会信用代码 (GB 32100-2015): 18 characters, checked by its check character (400 `unit_credit_code_invalid`); unique'),
  regionCode: blankIsNull(z.string().max(12)).describe('GB/T 2260 code of the province, city or district, e.g. 610103 (400 `unit_region_code_invalid`)'),
  industry: z.enum(occupations).nullable().default(null).describe('the occupation its members work in (coverage by occupation); `other` for a mix'),
  unionMemberHeadcount: z.number().int().min(0).max(10_000_000).nullable().default(null).describe('union members in the unit: the denominator of its coverage rate'),
  catalogueId: z.string().min(1).max(60).nullable().default(null).describe('catalogue the unit enrols into'),
  products: z.array(productCodeSchema).max(30).default([]).describe('the unit selection (统一选择); a new hire and a roster row without products get it'),
  fundingSource: z.enum(fundingSources).default('unit').describe('who pays for the unit’s members'),
  fundingSplit: unitFundingSplitSchema.nullable().default(null).describe('required exactly when fundingSource is split; adds up to the selection’s full-year premium'),
})
export type UnitRecord = z.output<typeof unitRecordSchema>
export type UnitRecordInput = z.input<typeof unitRecordSchema>

const unitProfileShape = {
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  creditCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable().describe('e.g. 陕西省西安市碑林区; a province Huzhu has no names for shows its code'),
  industry: z.enum(occupations).nullable(),
  unionMemberHeadcount: z.number().int().nullable(),
  catalogueId: z.string().nullable(),
  fundingSource: z.enum(fundingSources),
}

/** A unit in the list (`GET /api/v1/units`). */
export const unitSummarySchema = z.object(unitProfileShape)
export type UnitSummary = z.infer<typeof unitSummarySchema>
export const unitListResponseSchema = z.object({ units: z.array(unitSummarySchema) })

export const unitDetailSchema = z.object({
  ...unitProfileShape,
  products: z.array(z.string()),
  fundingSplit: unitFundingSplitSchema.nullable(),
  counts: z.object({
    enrolled: z.number().int(),
    pendingPayment: z.number().int(),
    active: z.number().int(),
    premiumDueFen: z.number().int().describe('sum of pending premiums'),
  }),
  coverage: z.object({
    coveredMembers: z.number().int().describe('people with paid cover through the unit that has not ended'),
    rateBp: z.number().int().nullable().describe('coveredMembers ÷ unionMemberHeadcount in basis points, rounded half-up; null without a headcount'),
  }),
})
export type UnitDetail = z.infer<typeof unitDetailSchema>

/**
 * Unit admins (经办人) invited by phone: the account with that login phone gets
 * the unit_admin role for the unit at once, or when it first signs in with it.
 */
export const unitAdminInvitationRequestSchema = z.object({ phone: mobileSchema })
export const unitAdminInvitationStatuses = ['pending', 'granted'] as const
export type UnitAdminInvitationStatus = (typeof unitAdminInvitationStatuses)[number]
export const unitAdminInvitationSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  phoneMasked: z.string().describe('e.g. 138****5678'),
  status: z.enum(unitAdminInvitationStatuses).describe('pending: no account has signed in with the phone yet; granted: the role was given'),
  createdAt: z.string(),
  grantedAt: z.string().nullable(),
})
export type UnitAdminInvitation = z.infer<typeof unitAdminInvitationSchema>
export const unitAdminInvitationListSchema = z.object({ invitations: z.array(unitAdminInvitationSchema).describe('newest first') })

/**
 * Rosters (参保名单). Upload: `POST /api/v1/units/:unitId/rosters` with the xlsx
 * bytes as the body (Content-Type of an xlsx file) and `?catalogueId=`. Every row
 * is checked before anything is imported.
 */
export const rosterUploadQuerySchema = z.object({
  catalogueId: z.string().min(1).max(60),
  fileName: z.string().max(200).optional(),
})

export const rosterErrorSchema = z.object({
  row: z.number().int().describe('as the spreadsheet shows it: the header is row 1'),
  column: z.string().describe('the column header, e.g. 身份证号码'),
  code: z.string(),
  message: z.string(),
})
export type RosterErrorBody = z.infer<typeof rosterErrorSchema>

export const rosterStatuses = ['checked', 'imported'] as const
export const rosterSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  catalogueId: z.string(),
  fileName: z.string().nullable(),
  status: z.enum(rosterStatuses),
  rowCount: z.number().int(),
  validCount: z.number().int(),
  errors: z.array(rosterErrorSchema).describe('every error, in row order'),
  importedCount: z.number().int().nullable(),
  premiumFen: z.number().int().nullable().describe('premium of the imported rows'),
  createdAt: z.string(),
  importedAt: z.string().nullable(),
})
export type Roster = z.infer<typeof rosterSchema>

/** `POST /api/v1/units/:unitId/rosters/:rosterId/import`: all rows, or only the good ones when asked. */
export const rosterImportRequestSchema = z.object({
  onlyValidRows: z.boolean().default(false).describe('import the good rows and skip the bad ones'),
})

/** `POST /api/v1/units/:unitId/new-hires`: one person with the unit selection. */
export { profileRequestSchema as newHireRequestSchema } from './members'
