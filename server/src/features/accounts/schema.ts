import { z } from 'zod'
import { idPattern } from '../../ids'

export const userIdSchema = z.string().regex(idPattern('usr'), { message: 'field_invalid' }).describe('account id, usr_…')
export const userParamsSchema = z.object({ userId: userIdSchema })
export const grantParamsSchema = z.object({
  userId: userIdSchema,
  grantId: z.string().regex(idPattern('rol'), { message: 'field_invalid' }).describe('role grant id, rol_…'),
})
