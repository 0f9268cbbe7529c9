import { endpoints } from '@huzhu/shared'
import { todayInChina } from '../../clock'
import { AppError, forbidden } from '../../http/errors'
import { readPage } from '../../http/paging'
import { defineRoute } from '../../http/route'
import { unwrap } from '../../outcome'
import { currentUser, hasAnyRole } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { claimBody, viewerFor } from '../claims/claim-response'
import { presentClaimSummary } from '../claims/claims.presenter'
import { findClaimRow } from '../claims/claims.repository'
import { claimParamsSchema } from '../claims/schema'
import { listQueueRows, listSampleAmounts, listSampleRows } from './review.repository'
import { decideClaim, startReview } from './review.service'
import { farFromAverage, sampleReason, type Deviation } from './sample'
import { decodeCursor, encodeCursor } from './schema'

const tags = ['review']
const queueReaders = ['reviewer', 'admin'] as const

/**
 * Staff who pay claims see the queue of approved claims (what awaits payment)
 * and nothing earlier in the review.
 */
export const listReviewQueue = defineRoute({
  endpoint: endpoints.review.listReviewQueue, tags, access: { roles: [...queueReaders, 'staff'] },
  summary: 'The reviewer queue: by due date (earliest first), then id; default submitted and in review (for staff: approved, awaiting payment, and only that); cursor paging',
  responses: { 200: { description: 'A page of the queue' } },
  async handler(ctx) {
    const me = currentUser(ctx)
    const { cursor, limit, overdue, flagged, ...filter } = ctx.input.query
    if (!hasAnyRole(me, queueReaders)) {
      if (filter.status !== undefined && filter.status !== 'approved') throw forbidden()
      filter.status = 'approved'
    }
    const after = cursor === undefined ? undefined : decodeCursor(cursor)
    if (cursor !== undefined && !after) throw new AppError(400, 'cursor_invalid', { details: [{ path: 'cursor', code: 'cursor_invalid' }] })
    const today = todayInChina(ctx.deps.clock)
    const page = await readPage(limit, (take) => listQueueRows(ctx.deps.readDb, {
      ...filter, today, after, limit: take,
      overdue: overdue === undefined ? undefined : overdue === 'true',
      flagged: flagged === undefined ? undefined : flagged === 'true',
    }))
    const { next } = page
    ctx.body = {
      claims: page.items.map(({ person_name, ...row }) => presentClaimSummary(row, person_name, viewerFor(ctx, me, row))),
      nextCursor: next ? encodeCursor({ dueOn: next.due_on, id: next.id }) : null,
    }
  },
})

export const sampleClaims = defineRoute({
  endpoint: endpoints.review.sampleClaims, tags, access: { roles: queueReaders },
  summary: 'Approved or paid claims for a second look: all above `aboveFen`, all more than `farFromAverage` standard deviations from the mean of the other claims of their kind, and a random `sharePercent` of the rest (at most 200, newest first); each flagged `sampled` with the reason',
  responses: { 200: { description: 'The sample' } },
  async handler(ctx) {
    const me = currentUser(ctx)
    const { farFromAverage: deviations, ...criteria } = ctx.input.query
    const far = deviations === undefined ? new Map<string, Deviation>() : farFromAverage(await listSampleAmounts(ctx.deps.readDb, criteria.since), deviations)
    const rows = await listSampleRows(ctx.deps.readDb, { ...criteria, ids: [...far.keys()], limit: 200 })
    ctx.body = {
      claims: rows.map(({ person_name, ...row }) => {
        const viewer = viewerFor(ctx, me, row)
        const summary = presentClaimSummary(row, person_name, viewer)
        if (!viewer.flags) return summary
        const claim = { id: row.id, kind: row.kind, amountFen: row.approved_fen ?? row.estimate_fen }
        return { ...summary, flags: [...summary.flags, { code: 'sampled' as const, message: sampleReason(claim, criteria, far.get(row.id)), otherClaimId: null }] }
      }),
      nextCursor: null,
    }
  },
})

export const startClaimReview = defineRoute({
  endpoint: endpoints.review.startClaimReview, tags, access: { roles: ['reviewer'] },
  summary: 'Take a submitted claim into review (submitted → in_review; else 409)',
  request: { params: claimParamsSchema },
  responses: { 200: { description: 'In review' } },
  errors: [403, 404, 409],
  async handler(ctx) {
    const me = currentUser(ctx)
    const { claimId } = ctx.input.params
    await ctx.deps.db.transaction().execute((trx) => startReview(trx, ctx.deps, me.id, claimId, auditActorOf(ctx)))
    ctx.deps.outbox.kick()
    ctx.body = await claimBody(ctx, me, (await findClaimRow(ctx.deps.db, claimId))!)
  },
})

export const decideOnClaim = defineRoute({
  endpoint: endpoints.review.decideOnClaim, tags, access: { roles: ['reviewer'] },
  summary: 'Decide a submitted or in-review claim: approve (the engine’s amount as of now, else 409 `claim_estimate_changed` with the estimate refreshed; another amount needs a note and stays within the plan year’s caps, else 422 `claim_amount_over_limit`), request material, or reject with a numbered reason',
  request: { params: claimParamsSchema },
  responses: { 200: { description: 'Decided' } },
  errors: [403, 404, 409, 422],
  async handler(ctx) {
    const me = currentUser(ctx)
    const { claimId } = ctx.input.params
    const outcome = await ctx.deps.db.transaction().execute((trx) => decideClaim(trx, ctx.deps, me.id, claimId, ctx.input.body, auditActorOf(ctx)))
    unwrap(outcome)
    ctx.deps.outbox.kick()
    ctx.body = await claimBody(ctx, me, (await findClaimRow(ctx.deps.db, claimId))!)
  },
})

export const reviewRoutes = [listReviewQueue, sampleClaims, startClaimReview, decideOnClaim]
