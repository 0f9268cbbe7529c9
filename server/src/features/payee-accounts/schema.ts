import { z } from 'zod'
import { idPattern } from '../../ids'

export const payeeAccountIdSchema = z.string().regex(idPattern('pya'), { message: 'field_invalid' }).describe('payee account id, pya_…')
export const payeeAccountParamsSchema = z.object({ payeeAccountId: payeeAccountIdSchema })
