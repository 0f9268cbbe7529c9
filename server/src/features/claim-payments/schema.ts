import { z } from 'zod'
import { idPattern } from '../../ids'

const batchIdSchema = z.string().regex(idPattern('cpb'), { message: 'field_invalid' }).describe('claim payment batch id, cpb_…')

export const batchParamsSchema = z.object({ batchId: batchIdSchema })

export const batchListQuerySchema = z.object({
  cursor: batchIdSchema.optional().describe('page: batches older than this id (the previous page’s nextCursor)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
