import { claimWithdrawRequestSchema, endpoints } from '@huzhu/shared'
import type { AppContext, AuthUser } from '../../http/context'
import { AppError, notFound } from '../../http/errors'
import { readPage } from '../../http/paging'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { changeClaimPayee } from './claim-payee.service'
import { claimRecordOf } from './claim-record'
import { claimBody, claimBodyOf, viewerFor } from './claim-response'
import { presentClaimSummary } from './claims.presenter'
import { findOwnClaimRow, listOwnClaimRows, personNamesOfEnrolments } from './claims.repository'
import { addMaterial, claimForReader, submitClaim, withdrawClaim } from './claims.service'
import { claimParamsSchema, IDEMPOTENCY_KEY, myClaimsQuerySchema } from './schema'

const tags = ['claims']

async function ownClaimBody(ctx: Pick<AppContext, 'deps'>, user: AuthUser, claimId: string) {
  const row = await findOwnClaimRow(ctx.deps.db, user.id, claimId)
  if (!row) throw notFound()
  return claimBody(ctx, user, row)
}

export const createClaim = defineRoute({
  endpoint: endpoints.claims.createClaim, tags, access: 'signed_in',
  summary: 'Submit a claim on one of my enrolments with uploaded material. Send an `Idempotency-Key` header (8–100 of A-Z a-z 0-9 _ . : -): a retry with the same key and body gives the same claim (200)',
  responses: { 201: { description: 'Submitted' }, 200: { description: 'Submitted before with this key' } },
  errors: [403, 422],
  async handler(ctx) {
    const me = currentUser(ctx)
    const key = ctx.get('Idempotency-Key')
    if (!IDEMPOTENCY_KEY.test(key)) throw new AppError(400, 'idempotency_key_required')
    const result = await ctx.deps.db.transaction().execute((trx) => submitClaim(trx, ctx.deps, me.id, key, ctx.input.body))
    ctx.deps.outbox.kick()
    ctx.status = result.created ? 201 : 200
    ctx.body = result.written ? await claimBodyOf(ctx, me, claimRecordOf(ctx.deps, result.written)) : await ownClaimBody(ctx, me, result.claimId)
  },
})

export const listMyClaims = defineRoute({
  endpoint: endpoints.claims.listMyClaims, tags, access: 'signed_in',
  summary: 'My claims, newest first',
  request: { query: myClaimsQuerySchema },
  responses: { 200: { description: 'A page of claims' } },
  async handler(ctx) {
    const me = currentUser(ctx)
    const { cursor, limit } = ctx.input.query
    const page = await readPage(limit, (take) => listOwnClaimRows(ctx.deps.db, me.id, cursor, take))
    const names = await personNamesOfEnrolments(ctx.deps.db, page.items.map((row) => row.enrolment_id))
    ctx.body = {
      claims: page.items.map((row) => presentClaimSummary(row, names.get(row.enrolment_id) ?? '', viewerFor(ctx, me, row))),
      nextCursor: page.next?.id ?? null,
    }
  },
})

export const getClaim = defineRoute({
  endpoint: endpoints.claims.getClaim, tags, access: 'signed_in',
  summary: 'One claim: for its member, reviewers, staff and admins (their read of the medical data is audited); others 404',
  request: { params: claimParamsSchema },
  responses: { 200: { description: 'The claim' } },
  errors: [404],
  async handler(ctx) {
    const me = currentUser(ctx)
    const row = await ctx.deps.db.transaction().execute((trx) => claimForReader(trx, ctx.deps, me, ctx.input.params.claimId, auditActorOf(ctx)))
    ctx.body = await claimBody(ctx, me, row)
  },
})

/**
 * The withdraw body is optional: a phone may send no body at all (or an empty
 * one), which the JSON body reader gives as `undefined`; that is "no note".
 */
const withdrawBodySchema = claimWithdrawRequestSchema.optional().default({})

export const withdrawMyClaim = defineRoute({
  endpoint: endpoints.claims.withdrawClaim, tags, access: 'signed_in',
  summary: 'Withdraw my claim before it is decided (else 409); the body (an optional note) may be left out',
  request: { params: claimParamsSchema, body: withdrawBodySchema },
  responses: { 200: { description: 'Withdrawn' } },
  errors: [404, 409],
  async handler(ctx) {
    const me = currentUser(ctx)
    const { claimId } = ctx.input.params
    await ctx.deps.db.transaction().execute((trx) => withdrawClaim(trx, ctx.deps, me.id, claimId, ctx.input.body.note))
    ctx.deps.outbox.kick()
    ctx.body = await ownClaimBody(ctx, me, claimId)
  },
})

export const sendClaimMaterial = defineRoute({
  endpoint: endpoints.claims.sendClaimMaterial, tags, access: 'signed_in',
  summary: 'Send the material a reviewer asked for (only while the claim needs material, else 409); the claim is submitted again with a new due date',
  request: { params: claimParamsSchema },
  responses: { 200: { description: 'Submitted again' } },
  errors: [404, 409, 422],
  async handler(ctx) {
    const me = currentUser(ctx)
    const { claimId } = ctx.input.params
    await ctx.deps.db.transaction().execute((trx) => addMaterial(trx, ctx.deps, me.id, claimId, ctx.input.body))
    ctx.deps.outbox.kick()
    ctx.body = await ownClaimBody(ctx, me, claimId)
  },
})

export const changeMyClaimPayee = defineRoute({
  endpoint: endpoints.claims.changeClaimPayeeAccount, tags, access: 'signed_in',
  summary: 'Pay my claim to another of my accounts (e.g. after the bank could not pay it): while the claim is open or approved and awaiting payment, else 409; the account must be mine, in my profile’s name (422)',
  request: { params: claimParamsSchema },
  responses: { 200: { description: 'The claim, with the account it is now paid to' } },
  errors: [403, 404, 409, 422],
  async handler(ctx) {
    const me = currentUser(ctx)
    const { claimId } = ctx.input.params
    await ctx.deps.db.transaction().execute((trx) => changeClaimPayee(trx, ctx.deps, me.id, claimId, ctx.input.body.payeeAccountId))
    ctx.body = await ownClaimBody(ctx, me, claimId)
  },
})

export const claimRoutes = [createClaim, listMyClaims, getClaim, withdrawMyClaim, sendClaimMaterial, changeMyClaimPayee]
