import { z } from 'zod'
import { idPattern } from '../../ids'
import { unitIdSchema } from '../units/schema'

export const rosterParamsSchema = z.object({
  unitId: unitIdSchema,
  rosterId: z.string().regex(idPattern('rst'), { message: 'field_invalid' }).describe('roster id, rst_…'),
})

export const rosterExportQuerySchema = z.object({
  catalogueId: z.string().min(1).max(60),
  full: z.enum(['0', '1']).optional().describe('`1`: ID numbers and mobiles in full (the export is audited); otherwise masked'),
})

/** Largest roster file accepted (bytes). */
export const MAX_ROSTER_FILE_BYTES = 20 * 1024 * 1024

export const renewalRosterQuerySchema = z.object({
  catalogueId: z.string().min(1).max(60).describe('the catalogue of the covers to renew (`GET /units/:unitId/renewals`)'),
})
