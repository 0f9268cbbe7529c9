import { z } from 'zod'
import { idPattern } from '../../ids'

export const uploadIdSchema = z.string().regex(idPattern('upl'), { message: 'field_invalid' }).describe('upload id, upl_…')
export const uploadParamsSchema = z.object({ uploadId: uploadIdSchema })
