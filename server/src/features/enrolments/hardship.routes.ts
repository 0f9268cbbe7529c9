import { hardshipFlagRequestSchema, hardshipWorkerSchema, maskIdNumber } from '@huzhu/shared'
import { z } from 'zod'
import { unseal } from '../../crypto/personal-data'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { flagHardshipWorker, unflagHardshipWorker } from './hardship.service'

const tags = ['funding']
const staffOnly = { roles: ['staff', 'admin'] } as const

export const flagHardshipWorkerRoute = defineRoute({
  method: 'post', path: '/api/v1/hardship-workers', operationId: 'flagHardshipWorker', tags, access: staffOnly,
  summary: 'Flag a hardship worker (困难职工) by ID number: the union pays their share of every premium from now on (audited)',
  request: { body: hardshipFlagRequestSchema },
  responses: { 200: { description: 'The flag (ID number masked)', schema: hardshipWorkerSchema } },
  errors: [400],
  async handler(ctx) {
    const user = currentUser(ctx)
    const row = await ctx.deps.db.transaction().execute((trx) => flagHardshipWorker(trx, ctx.deps, ctx.input.body, { ...auditActorOf(ctx), userId: user.id }))
    const idNumber = unseal(ctx.deps.protector, 'hardship_workers.id_number', row.id, row.id_number)
    ctx.body = { idNumberMasked: maskIdNumber(idNumber), reason: row.reason, flaggedAt: row.flagged_at, flaggedBy: row.flagged_by }
  },
})

export const unflagHardshipWorkerRoute = defineRoute({
  method: 'post', path: '/api/v1/hardship-workers/removals', operationId: 'unflagHardshipWorker', tags, access: staffOnly,
  summary: 'Remove a hardship worker’s flag (audited); enrolments already made keep who pays them',
  request: { body: z.object({ idNumber: hardshipFlagRequestSchema.shape.idNumber }) },
  responses: { 204: { description: 'Removed' } },
  errors: [400, 404],
  async handler(ctx) {
    await ctx.deps.db.transaction().execute((trx) => unflagHardshipWorker(trx, ctx.deps, ctx.input.body.idNumber.value, auditActorOf(ctx)))
    ctx.status = 204
  },
})

export const hardshipRoutes = [flagHardshipWorkerRoute, unflagHardshipWorkerRoute]
