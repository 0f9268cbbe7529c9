import { endpoints, renewalRequestSchema } from '@huzhu/shared'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { notifyEnrolmentHolders } from './enrolment-notifications'
import { presentDeps, presentEnrolment } from './enrolments.presenter'
import { loadViews } from './enrolments.repository'
import { renewEnrolment } from './renewal.service'
import { enrolmentParamsSchema } from './schema'

const tags = ['enrolments']

/** The body may be left out (one tap): the JSON body reader gives `undefined`, which is "no expected premium". */
const renewalBodySchema = renewalRequestSchema.default({})

export const createRenewal = defineRoute({
  endpoint: endpoints.renewal.createRenewal, tags, access: 'signed_in',
  summary: 'Renew my cover (续保) while its renewal window is open: pending payment, from the day after it ends, priced by the engine; renewing again gives the same renewal',
  request: { params: enrolmentParamsSchema, body: renewalBodySchema },
  responses: {
    201: { description: 'Renewed, pending payment' },
    200: { description: 'Renewed before: the same renewal' },
  },
  errors: [404, 409, 422],
  async handler(ctx) {
    const me = currentUser(ctx)
    const { view, created } = await ctx.deps.db.transaction().execute(async (trx) => {
      const { row, created } = await renewEnrolment(trx, ctx.deps, me.id, ctx.input.params.enrolmentId, ctx.input.body.expectedPremiumFen)
      if (created) await notifyEnrolmentHolders(trx, ctx.deps, { enrolmentIds: [row.id] }, 'enrolment_created')
      return { view: (await loadViews(trx, [row]))[0]!, created }
    })
    if (created) ctx.deps.outbox.kick()
    ctx.status = created ? 201 : 200
    ctx.body = presentEnrolment(view, 'self', presentDeps(ctx.deps))
  },
})

export const renewalRoutes = [createRenewal]
