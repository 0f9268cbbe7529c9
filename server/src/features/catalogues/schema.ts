import { civilDateSchema } from '@huzhu/shared'
import { z } from 'zod'

export const catalogueParamsSchema = z.object({ catalogueId: z.string().min(1).max(60) })

/** `?on=`: the day the preview's enrolments are accepted (default: today, China time). */
export const previewQuerySchema = z.strictObject({ on: civilDateSchema.optional() })

/** A catalogue file is at most this large (as a file in the data folder). */
export const CATALOGUE_BODY_LIMIT = 2 * 1024 * 1024
