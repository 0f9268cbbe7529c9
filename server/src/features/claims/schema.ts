import { z } from 'zod'
import { idPattern } from '../../ids'

export const claimIdSchema = z.string().regex(idPattern('clm'), { message: 'field_invalid' }).describe('claim id, clm_…')
export const claimParamsSchema = z.object({ claimId: claimIdSchema })

export const myClaimsQuerySchema = z.object({
  cursor: claimIdSchema.optional().describe('page: claims older than this id (the previous page’s nextCursor)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

/** `Idempotency-Key`: what the app generates once per submission and repeats on a retry. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/
