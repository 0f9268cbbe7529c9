import { endpoints } from '@huzhu/shared'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { userParamsSchema } from '../accounts/schema'
import { auditActorOf } from '../audit/audit.service'
import { verifyPersonOfAccount } from './identity.service'

export const verifyIdentity = defineRoute({
  endpoint: endpoints.identity.verifyIdentity, tags: ['members'],
  access: { roles: ['staff', 'admin'] },
  summary: "Office staff verified the person in front of them (ID card) as the one the account's profile names: the account is linked to that person's cover (audited)",
  request: { params: userParamsSchema },
  responses: { 201: { description: 'Linked' } },
  errors: [403, 404],
  async handler(ctx) {
    const { userId } = ctx.input.params
    const staff = { ...auditActorOf(ctx), userId: currentUser(ctx).id }
    const insuredPersonId = await ctx.deps.db.transaction().execute((trx) => verifyPersonOfAccount(trx, ctx.deps.clock, staff, userId))
    ctx.status = 201
    ctx.body = { userId, insuredPersonId }
  },
})

export const identityRoutes = [verifyIdentity]
