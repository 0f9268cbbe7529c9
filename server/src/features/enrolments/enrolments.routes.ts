import { endpoints } from '@huzhu/shared'
import type { Db } from '../../db/open'
import { AppError, badRequest, forbidden, notFound } from '../../http/errors'
import { readPage } from '../../http/paging'
import { defineRoute } from '../../http/route'
import { idPattern } from '../../ids'
import { currentUser } from '../accounts/access'
import { isStaff, viewerOf } from './enrolment-access'
import { linkedPersonIds } from '../identity/person-accounts.repository'
import { notifyEnrolmentHolders } from './enrolment-notifications'
import { presentDeps, presentEnrolment, type Viewer } from './enrolments.presenter'
import { listEnrolmentRows, loadViews, type EnrolmentFilter, type EnrolmentView } from './enrolments.repository'
import { cancelEnrolment, enrolSelf, loadView } from './enrolments.service'
import { afterSettled } from '../payments/payment-jobs.service'
import { refundOnCancel } from '../payments/payment-orders.service'
import { enrolmentParamsSchema } from './schema'

const tags = ['enrolments']

/** A page of enrolments, newest first, and the cursor of the next page. */
async function page(db: Db, filter: EnrolmentFilter): Promise<{ views: EnrolmentView[]; nextCursor: string | null }> {
  const page = await readPage(filter.limit, (take) => listEnrolmentRows(db, { ...filter, limit: take }))
  return { views: await loadViews(db, page.items), nextCursor: page.next?.id ?? null }
}

export const createMyEnrolment = defineRoute({
  endpoint: endpoints.enrolments.createMyEnrolment, tags, access: 'signed_in',
  summary: 'Enrol myself (instant mode) from my real-name profile, priced today; an event sets the funding',
  responses: { 201: { description: 'Enrolled, pending payment' } },
  errors: [409, 422],
  async handler(ctx) {
    const me = currentUser(ctx)
    const view = await ctx.deps.db.transaction().execute(async (trx) => {
      const row = await enrolSelf(trx, ctx.deps, me.id, ctx.input.body)
      await notifyEnrolmentHolders(trx, ctx.deps, { enrolmentIds: [row.id] }, 'enrolment_created')
      return (await loadViews(trx, [row]))[0]!
    })
    ctx.deps.outbox.kick()
    ctx.status = 201
    ctx.body = presentEnrolment(view, 'self', presentDeps(ctx.deps))
  },
})

export const listMyEnrolments = defineRoute({
  endpoint: endpoints.enrolments.listMyEnrolments, tags, access: 'signed_in',
  summary: 'Every enrolment covering me (the persons my account is linked to with proof), roster ones included, newest first',
  responses: { 200: { description: 'My enrolments' } },
  async handler(ctx) {
    const { readDb } = ctx.deps
    const personIds = await linkedPersonIds(readDb, currentUser(ctx).id)
    const views = personIds.length > 0 ? await loadViews(readDb, await listEnrolmentRows(readDb, { personIds, limit: 1000 })) : []
    const deps = presentDeps(ctx.deps)
    ctx.body = { enrolments: views.map((v) => presentEnrolment(v, 'self', deps)), nextCursor: null }
  },
})

export const listEnrolments = defineRoute({
  endpoint: endpoints.enrolments.listEnrolments, tags, access: { roles: ['staff', 'reviewer', 'admin', 'unit_admin'] },
  summary: 'Enrolments by unit, catalogue, event, status; newest first, paged by cursor. A unit admin passes their own unitId',
  responses: { 200: { description: 'A page of enrolments (ID numbers and mobiles masked)' } },
  async handler(ctx) {
    const user = currentUser(ctx)
    const q = ctx.input.query
    let viewer: Viewer = 'staff'
    if (!isStaff(user)) {
      if (q.unitId === undefined) throw badRequest('validation_failed', { details: [{ path: 'unitId', code: 'field_required', message: '此项必填' }] })
      if (!user.unitIds.has(q.unitId)) throw forbidden()
      viewer = 'unit'
    }
    if (q.cursor !== undefined && !idPattern('enr').test(q.cursor)) throw new AppError(400, 'cursor_invalid')
    const filter: EnrolmentFilter = { limit: q.limit }
    if (q.unitId !== undefined) filter.unitId = q.unitId
    if (q.catalogueId !== undefined) filter.catalogueId = q.catalogueId
    if (q.eventId !== undefined) filter.eventId = q.eventId
    if (q.status !== undefined) filter.status = q.status
    if (q.cursor !== undefined) filter.before = q.cursor
    const { views, nextCursor } = await page(ctx.deps.readDb, filter)
    const deps = presentDeps(ctx.deps)
    ctx.body = { enrolments: views.map((v) => presentEnrolment(v, viewer, deps)), nextCursor }
  },
})

export const getEnrolment = defineRoute({
  endpoint: endpoints.enrolments.getEnrolment, tags, access: 'signed_in',
  summary: 'One enrolment: the insured person (unmasked), office staff, or the admin of the enrolling unit',
  request: { params: enrolmentParamsSchema },
  responses: { 200: { description: 'The enrolment' } },
  errors: [404],
  async handler(ctx) {
    const view = await loadView(ctx.deps.db, ctx.input.params.enrolmentId)
    const viewer = await viewerOf(ctx.deps.db, currentUser(ctx), view)
    if (!viewer) throw notFound('enrolment_not_found')
    ctx.body = presentEnrolment(view, viewer, presentDeps(ctx.deps))
  },
})

export const cancelEnrolmentRoute = defineRoute({
  endpoint: endpoints.enrolments.cancelEnrolment, tags, access: { roles: ['staff', 'admin'] },
  summary: 'Cancel an enrolment (pending or active); its card then checks as cancelled; paid online and cancelled before its cover starts, its premium is refunded',
  request: { params: enrolmentParamsSchema },
  responses: { 200: { description: 'Cancelled' } },
  errors: [404, 409],
  async handler(ctx) {
    const { view, notices, refundIds } = await ctx.deps.db.transaction().execute(async (trx) => {
      const row = await cancelEnrolment(trx, ctx.deps, ctx.input.params.enrolmentId)
      const notices = await notifyEnrolmentHolders(trx, ctx.deps, { enrolmentIds: [row.id] }, 'enrolment_cancelled')
      return { view: (await loadViews(trx, [row]))[0]!, notices, refundIds: await refundOnCancel(trx, ctx.deps, row) }
    })
    void afterSettled(ctx.deps, { notices, refundIds })
    ctx.body = presentEnrolment(view, 'staff', presentDeps(ctx.deps))
  },
})

export const enrolmentRoutes = [createMyEnrolment, listMyEnrolments, listEnrolments, getEnrolment, cancelEnrolmentRoute]
