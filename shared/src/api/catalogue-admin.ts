import { z } from 'zod'
import { catalogueDataSchema, termSchema } from '../catalogue/schema'
import { civilDateSchema } from '../dates/schema'
import { enrolmentModes, productTiers } from '../domain'

/** Where a catalogue the server offers comes from. */
export const catalogueOrigins = ['built_in', 'data_folder', 'published'] as const
export type CatalogueOrigin = (typeof catalogueOrigins)[number]

const catalogueIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/)

/** One catalogue as the admin manages it: `GET /api/v1/catalogue-records`. */
export const catalogueRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  term: termSchema,
  origin: z.enum(catalogueOrigins),
  version: z.number().int().nullable().describe('how many times it was published (null: shipped with the server)'),
  publishedAt: z.string().nullable(),
  successor: z.string().nullable().describe('the catalogue its covers renew into; null: itself'),
  closedOn: civilDateSchema.nullable().describe('the first day it took no new enrolment, when an admin closed it'),
  inUse: z.boolean().describe('an enrolment of any status names it: it can no longer change, only be succeeded or closed'),
  twoUnitsAtOnce: z.boolean(),
  changeable: z.boolean().describe('an admin may publish a new version of it (published here and used by no enrolment)'),
})
export type CatalogueRecord = z.infer<typeof catalogueRecordSchema>
export const catalogueRecordListSchema = z.object({ catalogues: z.array(catalogueRecordSchema) })
export type CatalogueRecordList = z.infer<typeof catalogueRecordListSchema>

/** The catalogue file itself: checked by the server with every problem at its path (422 `catalogue_invalid`). */
export const catalogueUploadSchema = z.unknown()

const previewModeSchema = z.discriminatedUnion('ok', [
  z.object({
    mode: z.enum(enrolmentModes), label: z.string(), ok: z.literal(true), start: civilDateSchema, end: civilDateSchema,
    waiting: z.array(z.object({ category: z.string(), name: z.string(), days: z.number().int(), coverFrom: civilDateSchema })),
  }),
  z.object({ mode: z.enum(enrolmentModes), label: z.string(), ok: z.literal(false), reason: z.string() }),
])

export const cataloguePreviewSchema = z.object({
  acceptedOn: civilDateSchema,
  products: z.array(z.object({
    code: z.string(), name: z.string(), tier: z.enum(productTiers), tierLabel: z.string(), category: z.string(), categoryName: z.string(),
    riderOf: z.string().nullable(), priceFen: z.number().int(), maxShares: z.number().int(), summary: z.string(),
    benefits: z.array(z.object({ id: z.string(), name: z.string(), text: z.string() })),
  })),
  modes: z.array(previewModeSchema),
})

/** `POST /api/v1/catalogue-previews`: a valid file, as the engine reads it, and whether it can be published. */
export const cataloguePreviewResponseSchema = z.object({
  catalogue: catalogueDataSchema.describe('the file as checked, defaults filled in: what the member app will load'),
  preview: cataloguePreviewSchema,
  existing: catalogueRecordSchema.nullable().describe('the catalogue of this id already on offer, if any'),
  refusal: z.object({ code: z.string(), message: z.string() }).nullable().describe('why publishing it would be refused; null: it can be published'),
})
export type CataloguePreviewResponse = z.infer<typeof cataloguePreviewResponseSchema>

export const catalogueSuccessorRequestSchema = z.object({
  successor: catalogueIdSchema.nullable().describe('the next plan its covers renew into; null: renew into itself'),
})
export type CatalogueSuccessorRequest = z.infer<typeof catalogueSuccessorRequestSchema>
