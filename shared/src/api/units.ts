import { z } from 'zod'
import { fundingSources } from '../domain'
import { productCodeSchema } from './common'

/**
 * A unit (参保单位) and its standing selection: the catalogue, products and
 * funding that its roster rows and new hires get unless a row says otherwise.
 */
export const unitSettingsSchema = z.object({
  name: z.string().trim().min(1, { message: 'field_required' }).max(80),
  catalogueId: z.string().min(1).max(60).nullable().describe('catalogue the unit enrols into'),
  products: z.array(productCodeSchema).max(30).describe('the unit selection (统一选择); a new hire gets it'),
  fundingSource: z.enum(fundingSources).describe('who pays for the unit’s members'),
})
export type UnitSettings = z.infer<typeof unitSettingsSchema>

export const unitDetailSchema = unitSettingsSchema.extend({
  id: z.string(),
  createdAt: z.string(),
  counts: z.object({
    enrolled: z.number().int(),
    pendingPayment: z.number().int(),
    active: z.number().int(),
    premiumDueFen: z.number().int().describe('sum of pending premiums'),
  }),
})
export type UnitDetail = z.infer<typeof unitDetailSchema>

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
