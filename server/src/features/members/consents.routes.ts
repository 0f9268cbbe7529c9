import { endpoints } from '@huzhu/shared'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { giveConsent, withdrawConsent } from './consents.service'
import { presentConsent } from './members.presenter'
import { listConsentRows } from './members.repository'
import { consentParamsSchema } from './schema'

const tags = ['members']

export const listMyConsents = defineRoute({
  endpoint: endpoints.consents.listMyConsents, tags, access: 'signed_in',
  summary: 'The consents I gave, newest first (withdrawn ones included)',
  responses: { 200: { description: 'Consents' } },
  async handler(ctx) {
    ctx.body = { consents: (await listConsentRows(ctx.deps.db, currentUser(ctx).id)).map(presentConsent) }
  },
})

export const giveMyConsent = defineRoute({
  endpoint: endpoints.consents.giveMyConsent, tags, access: 'signed_in',
  summary: 'Record a consent (e.g. sensitive_personal_info before the ID number) with the version of the text shown',
  responses: { 201: { description: 'Recorded' } },
  async handler(ctx) {
    const row = await giveConsent(ctx.deps.db, ctx.deps.clock, currentUser(ctx).id, ctx.input.body, auditActorOf(ctx))
    ctx.status = 201
    ctx.body = presentConsent(row)
  },
})

export const withdrawMyConsent = defineRoute({
  endpoint: endpoints.consents.withdrawMyConsent, tags, access: 'signed_in',
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
