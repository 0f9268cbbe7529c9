import { z } from 'zod'
import { idPattern } from '../../ids'

export const unitIdSchema = z.string().regex(idPattern('unt'), { message: 'field_invalid' }).describe('unit id, unt_…')
export const unitParamsSchema = z.object({ unitId: unitIdSchema })
export const invitationParamsSchema = z.object({
  unitId: unitIdSchema,
  invitationId: z.string().regex(idPattern('uai'), { message: 'field_invalid' }).describe('invitation id, uai_…'),
})
