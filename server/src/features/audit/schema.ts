import { addDays, auditActions, civilDateSchema } from '@huzhu/shared'
import { z } from 'zod'
import { idPattern } from '../../ids'
import { userIdSchema } from '../accounts/schema'
import type { AuditFilter } from './audit.repository'

/** The filters of the audit log and its export: who, whose, what, which days (China dates, both included). */
const filterFields = z.object({
  subjectUserId: userIdSchema.optional().describe('whose data'),
  actorUserId: userIdSchema.optional().describe('who read or changed it'),
  action: z.enum(auditActions).optional(),
  from: civilDateSchema.optional().describe('first day (China time), included'),
  to: civilDateSchema.optional().describe('last day (China time), included'),
})

function rangeInOrder(q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (q.from !== undefined && q.to !== undefined && q.to < q.from) ctx.addIssue({ code: 'custom', message: 'audit_range_invalid', path: ['to'] })
}

/** The export's query: the filters alone; any other name (a typo such as `actor=`) is refused rather than exporting everything. */
export const auditFilterQuerySchema = filterFields.strict().superRefine(rangeInOrder)

export const auditQuerySchema = filterFields
  .extend({
    before: z.string().regex(idPattern('aud'), { message: 'field_invalid' }).optional().describe('page: entries older than this id'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine(rangeInOrder)

/** The instant a China date begins. */
const startOfChinaDay = (date: string) => `${addDays(date, -1)}T16:00:00.000Z`

/** The query's days as instants: from the start of `from` to the end of `to`. */
export function auditFilterOf(query: z.output<typeof filterFields>): AuditFilter {
  return {
    subjectUserId: query.subjectUserId,
    actorUserId: query.actorUserId,
    action: query.action,
    from: query.from === undefined ? undefined : startOfChinaDay(query.from),
    until: query.to === undefined ? undefined : startOfChinaDay(addDays(query.to, 1)),
  }
}
