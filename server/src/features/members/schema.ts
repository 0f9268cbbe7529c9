import { z } from 'zod'
import { idPattern } from '../../ids'

export const consentParamsSchema = z.object({
  consentId: z.string().regex(idPattern('cns'), { message: 'field_invalid' }).describe('consent id, cns_…'),
})
