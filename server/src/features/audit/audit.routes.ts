import { auditLogResponseSchema } from '@huzhu/shared'
import { z } from 'zod'
import { readPage } from '../../http/paging'
import { defineRoute } from '../../http/route'
import { idPattern } from '../../ids'
import { userIdSchema } from '../accounts/schema'
import { presentAuditEntry } from './audit.presenter'
import { listAuditEntries } from './audit.repository'

const auditQuerySchema = z.object({
  subjectUserId: userIdSchema.optional().describe('whose data'),
  actorUserId: userIdSchema.optional().describe('who read or changed it'),
  before: z.string().regex(idPattern('aud'), { message: 'field_invalid' }).optional().describe('page: entries older than this id'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const listAuditLog = defineRoute({
  method: 'get', path: '/api/v1/audit-log', operationId: 'listAuditLog', tags: ['audit'], access: { roles: ['admin'] },
  summary: 'Who read or changed whose sensitive data, newest first',
  request: { query: auditQuerySchema },
  responses: { 200: { description: 'A page of entries', schema: auditLogResponseSchema } },
  async handler(ctx) {
    const { limit, ...filter } = ctx.input.query
    const page = await readPage(limit, (take) => listAuditEntries(ctx.deps.readDb, { ...filter, limit: take }))
    ctx.body = { entries: page.items.map(presentAuditEntry), nextBefore: page.next?.id ?? null }
  },
})

export const auditRoutes = [listAuditLog]
