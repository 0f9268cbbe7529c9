import { z } from 'zod'
import { idPattern } from '../../ids'

export const enrolmentIdSchema = z.string().regex(idPattern('enr'), { message: 'field_invalid' }).describe('enrolment id, enr_…')
export const enrolmentParamsSchema = z.object({ enrolmentId: enrolmentIdSchema })
