import { endpoints, hardshipFlagRequestSchema, hardshipWorkerListSchema } from '@huzhu/shared'
import { z } from 'zod'
import { readPage } from '../../http/paging'
import { defineRoute } from '../../http/route'
import { idPattern } from '../../ids'
import { currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { presentHardshipWorker } from './hardship.presenter'
import { flagHardshipWorker, listHardshipWorkers, unflagHardshipWorker, unflagHardshipWorkerById } from './hardship.service'

const tags = ['funding']
const staffOnly = { roles: ['staff', 'admin'] } as const

export const flagHardshipWorkerRoute = defineRoute({
  endpoint: endpoints.hardship.flagHardshipWorker, tags, access: staffOnly,
  summary: 'Flag a hardship worker (困难职工) by ID number: the union pays their share of every premium from now on (audited)',
  responses: { 200: { description: 'The flag (ID number masked)' } },
  errors: [400],
  async handler(ctx) {
    const user = currentUser(ctx)
    const row = await ctx.deps.db.transaction().execute((trx) => flagHardshipWorker(trx, ctx.deps, ctx.input.body, { ...auditActorOf(ctx), userId: user.id }))
    ctx.body = presentHardshipWorker(ctx.deps.protector, row)
  },
})

export const unflagHardshipWorkerRoute = defineRoute({
  endpoint: endpoints.hardship.unflagHardshipWorker, tags, access: staffOnly,
  summary: 'Remove a hardship worker’s flag (audited); enrolments already made keep who pays them',
  request: { body: z.object({ idNumber: hardshipFlagRequestSchema.shape.idNumber }) },
  responses: { 204: { description: 'Removed' } },
  errors: [400, 404],
  async handler(ctx) {
    await ctx.deps.db.transaction().execute((trx) => unflagHardshipWorker(trx, ctx.deps, ctx.input.body.idNumber.value, auditActorOf(ctx)))
    ctx.status = 204
  },
})

const flagIdSchema = z.string().regex(idPattern('hdw'), { message: 'field_invalid' })

export const listHardshipWorkersRoute = defineRoute({
  endpoint: endpoints.hardship.listHardshipWorkers, tags, access: staffOnly,
  summary: 'The hardship workers flagged now, newest flag first (names and ID numbers masked)',
  request: {
    query: z.object({
      before: flagIdSchema.optional().describe('page: flags older than this id'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: { 200: { description: 'A page of flags', schema: hardshipWorkerListSchema } },
  async handler(ctx) {
    const { limit, before } = ctx.input.query
    const page = await readPage(limit, (take) => listHardshipWorkers(ctx.deps.readDb, { before, limit: take }))
    ctx.body = { workers: page.items.map((row) => presentHardshipWorker(ctx.deps.protector, row)), nextBefore: page.next?.id ?? null }
  },
})

export const removeHardshipWorkerRoute = defineRoute({
  endpoint: endpoints.hardship.removeHardshipWorker, tags, access: staffOnly,
  summary: 'Remove a hardship worker’s flag by its id, as listed (audited); enrolments already made keep who pays them',
  request: { params: z.object({ hardshipWorkerId: flagIdSchema }) },
  responses: { 204: { description: 'Removed' } },
  errors: [400, 404],
  async handler(ctx) {
    await ctx.deps.db.transaction().execute((trx) => unflagHardshipWorkerById(trx, ctx.deps, ctx.input.params.hardshipWorkerId, auditActorOf(ctx)))
    ctx.status = 204
  },
})

export const hardshipRoutes = [listHardshipWorkersRoute, flagHardshipWorkerRoute, unflagHardshipWorkerRoute, removeHardshipWorkerRoute]
