import { z } from 'zod'
import { catalogueDataSchema, termSchema } from '../catalogue/schema'
import { enrolmentModes } from '../domain'

/** One catalogue in `GET /api/v1/catalogues`: enough to choose one; the full data is at `/catalogues/:id`. */
export const catalogueSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  issuer: z.string(),
  source: z.string().optional(),
  illustrative: z.string().optional().describe('set when some figures are illustrative, saying which'),
  term: termSchema,
  modes: z.array(z.enum(enrolmentModes)),
  productCount: z.number().int(),
})
export type CatalogueSummary = z.infer<typeof catalogueSummarySchema>

export const catalogueListResponseSchema = z.object({ catalogues: z.array(catalogueSummarySchema) })
export type CatalogueListResponse = z.infer<typeof catalogueListResponseSchema>

/** `GET /api/v1/catalogues/:id`: the catalogue data itself, ready for `loadCatalogue` and the engine. */
export const catalogueResponseSchema = catalogueDataSchema
