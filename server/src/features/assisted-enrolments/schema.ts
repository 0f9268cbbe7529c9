import { z } from 'zod'
import { idPattern } from '../../ids'

export const assistedParamsSchema = z.object({
  assistedId: z.string().regex(idPattern('asn'), { message: 'field_invalid' }).describe('assisted enrolment id, asn_…'),
})
