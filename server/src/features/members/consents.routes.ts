import { consentListResponseSchema, consentRequestSchema, consentSchema } from '@huzhu/shared'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { giveConsent, withdrawConsent } from './consents.service'
import { presentConsent } from './members.presenter'
import { listConsentRows } from './members.repository'
import { consentParamsSchema } from './schema'

const tags = ['members']

export const listMyConsents = defineRoute({
  method: 'get', path: '/api/v1/me/consents', operationId: 'listMyConsents', tags, access: 'signed_in',
  summary: 'The consents I gave, newest first (withdrawn ones included)',
  responses: { 200: { description: 'Consents', schema: consentListResponseSchema } },
  async handler(ctx) {
    ctx.body = { consents: (await listConsentRows(ctx.deps.db, currentUser(ctx).id)).map(presentConsent) }
  },
})

export const giveMyConsent = defineRoute({
  method: 'post', path: '/api/v1/me/consents', operationId: 'giveMyConsent', tags, access: 'signed_in',
  summary: 'Record a consent (e.g. sensitive_personal_info before the ID number) with the version of the text shown',
  request: { body: consentRequestSchema },
  responses: { 201: { description: 'Recorded', schema: consentSchema } },
  async handler(ctx) {
    const row = await giveConsent(ctx.deps.db, ctx.deps.clock, currentUser(ctx).id, ctx.input.body, auditActorOf(ctx))
    ctx.status = 201
    ctx.body = presentConsent(row)
  },
})

export const withdrawMyConsent = defineRoute({
  method: 'delete', path: '/api/v1/me/consents/:consentId', operationId: 'withdrawMyConsent', tags, access: 'signed_in',
  summary: 'Withdraw one of my consents',
  request: { params: consentParamsSchema },
  responses: { 204: { description: 'Withdrawn' } },
  errors: [404],
  async handler(ctx) {
    await withdrawConsent(ctx.deps.db, ctx.deps.clock, currentUser(ctx).id, ctx.input.params.consentId)
    ctx.status = 204
  },
})

export const consentRoutes = [listMyConsents, giveMyConsent, withdrawMyConsent]
