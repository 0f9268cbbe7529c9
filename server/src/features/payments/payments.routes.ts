import { endpoints } from '@huzhu/shared'
import { AppError } from '../../http/errors'
import { readPage } from '../../http/paging'
import { defineRoute } from '../../http/route'
import { idPattern } from '../../ids'
import { currentUser } from '../accounts/access'
import { notifyEnrolmentHolders } from '../enrolments/enrolment-notifications'
import { presentDeps, presentEnrolment } from '../enrolments/enrolments.presenter'
import { loadViews } from '../enrolments/enrolments.repository'
import { presentPayment } from './payments.presenter'
import { listPaymentRows, listPendingEnrolmentRows } from './payments.repository'
import { confirmPayment, pendingSearchOf } from './payments.service'

const tags = ['payments']

export const createPayment = defineRoute({
  endpoint: endpoints.payments.createPayment, tags, access: { roles: ['staff', 'admin'] },
  summary: 'Confirm a bank transfer: the listed (or the unit’s) pending enrolments become active in one transaction',
  responses: { 201: { description: 'Confirmed' } },
  errors: [409, 422],
  async handler(ctx) {
    const staffId = currentUser(ctx).id
    const row = await ctx.deps.db.transaction().execute(async (trx) => {
      const row = await confirmPayment(trx, ctx.deps, staffId, ctx.input.body)
      await notifyEnrolmentHolders(trx, ctx.deps, { paymentId: row.id }, 'enrolment_active')
      return row
    })
    ctx.deps.outbox.kick()
    ctx.status = 201
    ctx.body = presentPayment(row)
  },
})

export const listPayments = defineRoute({
  endpoint: endpoints.payments.listPayments, tags, access: { roles: ['staff', 'admin'] },
  summary: 'Confirmed payments of a catalogue, newest first',
  responses: { 200: { description: 'Payments' } },
  async handler(ctx) {
    ctx.body = { payments: (await listPaymentRows(ctx.deps.readDb, ctx.input.query.catalogueId)).map(presentPayment) }
  },
})

export const listPendingEnrolments = defineRoute({
  endpoint: endpoints.payments.listPendingEnrolments, tags, access: { roles: ['staff', 'admin'] },
  summary: 'Every enrolment awaiting payment (self-enrolments, events, units), newest first, paged by cursor; `q` is a whole mobile number or part of a name',
  responses: { 200: { description: 'A page of pending enrolments (ID numbers and mobiles masked)' } },
  async handler(ctx) {
    const { q, cursor, limit } = ctx.input.query
    if (cursor !== undefined && !idPattern('enr').test(cursor)) throw new AppError(400, 'cursor_invalid', { details: [{ path: 'cursor', code: 'cursor_invalid' }] })
    const search = pendingSearchOf(ctx.deps.protector, q)
    const { readDb } = ctx.deps
    const page = await readPage(limit, (take) => listPendingEnrolmentRows(readDb, search, cursor, take))
    const deps = presentDeps(ctx.deps)
    ctx.body = { enrolments: (await loadViews(readDb, page.items)).map((view) => presentEnrolment(view, 'staff', deps)), nextCursor: page.next?.id ?? null }
  },
})

export const paymentRoutes = [createPayment, listPayments, listPendingEnrolments]
