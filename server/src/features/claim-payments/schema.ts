import { z } from 'zod'
import { idPattern } from '../../ids'

export const batchParamsSchema = z.object({
  batchId: z.string().regex(idPattern('cpb'), { message: 'field_invalid' }).describe('claim payment batch id, cpb_…'),
})
