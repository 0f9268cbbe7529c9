import { endpoints } from '@huzhu/shared'
import { nowIso } from '../../clock'
import { notFound } from '../../http/errors'
import { defineRoute } from '../../http/route'
import { unwrap } from '../../outcome'
import { currentUser } from '../accounts/access'
import { findUserById } from '../accounts/users.repository'
import { auditActorOf } from '../audit/audit.service'
import { notifyEnrolmentHolders } from '../enrolments/enrolment-notifications'
import { presentDeps, presentEnrolment } from '../enrolments/enrolments.presenter'
import { loadViews } from '../enrolments/enrolments.repository'
import { findEventById } from '../events/events.repository'
import { eventParamsSchema } from '../events/schema'
import { presentAssisted } from './assisted-enrolments.presenter'
import { findAssistedView, listForEvent, listForPhone } from './assisted-enrolments.repository'
import { confirmAssisted, createAssisted } from './assisted-enrolments.service'
import { assistedParamsSchema } from './schema'

const tags = ['assisted-enrolments']
const staffOnly = { roles: ['staff', 'admin'] } as const

export const createAssistedRoute = defineRoute({
  endpoint: endpoints.assistedEnrolments.createAssistedEnrolment, tags, access: staffOnly,
  summary: 'A staff member enters a rider at an event (代办): checked like a self-enrolment, waiting for the rider to confirm with the SMS code sent to their phone',
  request: { params: eventParamsSchema },
  responses: { 201: { description: 'Waiting for the rider; the code is queued by SMS' } },
  errors: [403, 404, 409, 422, 429],
  async handler(ctx) {
    const actor = { ...auditActorOf(ctx), userId: currentUser(ctx).id }
    const view = unwrap(await ctx.deps.db.transaction().execute(async (trx) => {
      const outcome = await createAssisted(trx, ctx.deps, actor, ctx.input.params.eventId, ctx.input.body)
      return outcome.ok ? { ok: true as const, value: (await findAssistedView(trx, outcome.value.id))! } : outcome
    }))
    ctx.deps.outbox.kick()
    ctx.status = 201
    ctx.body = presentAssisted(view, ctx.deps, nowIso(ctx.deps.clock))
  },
})

export const listEventAssistedRoute = defineRoute({
  endpoint: endpoints.assistedEnrolments.listEventAssistedEnrolments, tags, access: staffOnly,
  summary: 'An event’s assisted enrolments, newest first: waiting for the rider, confirmed (and the enrolment’s payment state) or expired',
  request: { params: eventParamsSchema },
  responses: { 200: { description: 'Assisted enrolments (ID numbers and phones masked)' } },
  errors: [404],
  async handler(ctx) {
    const { readDb, clock } = ctx.deps
    if (!(await findEventById(readDb, ctx.input.params.eventId))) throw notFound('event_not_found')
    const now = nowIso(clock)
    ctx.body = { assistedEnrolments: (await listForEvent(readDb, ctx.input.params.eventId)).map((v) => presentAssisted(v, ctx.deps, now)) }
  },
})

export const listMyAssistedRoute = defineRoute({
  endpoint: endpoints.assistedEnrolments.listMyAssistedEnrolments, tags, access: 'signed_in',
  summary: 'Assisted enrolments a staff member entered for my proven (login) phone, newest first',
  responses: { 200: { description: 'Assisted enrolments for my phone' } },
  async handler(ctx) {
    const { readDb, clock } = ctx.deps
    const user = await findUserById(readDb, currentUser(ctx).id)
    const views = user?.phone_hash ? await listForPhone(readDb, user.phone_hash) : []
    const now = nowIso(clock)
    ctx.body = { assistedEnrolments: views.map((v) => presentAssisted(v, ctx.deps, now)) }
  },
})

export const confirmAssistedRoute = defineRoute({
  endpoint: endpoints.assistedEnrolments.confirmAssistedEnrolment, tags, access: 'signed_in',
  summary: 'The rider, signed in with the phone the staff member entered, consents and confirms: the enrolment is made, attributed to the event',
  request: { params: assistedParamsSchema },
  responses: { 201: { description: 'Enrolled: pending payment by the member, or by the event’s gift' } },
  errors: [404, 409, 422],
  async handler(ctx) {
    const actor = { ...auditActorOf(ctx), userId: currentUser(ctx).id }
    const { assisted, enrolment } = await ctx.deps.db.transaction().execute(async (trx) => {
      const row = await confirmAssisted(trx, ctx.deps, actor, ctx.input.params.assistedId, ctx.input.body.textVersion)
      await notifyEnrolmentHolders(trx, ctx.deps, { enrolmentIds: [row.id] }, 'enrolment_created')
      return { assisted: (await findAssistedView(trx, ctx.input.params.assistedId))!, enrolment: (await loadViews(trx, [row]))[0]! }
    })
    ctx.deps.outbox.kick()
    ctx.status = 201
    ctx.body = {
      assistedEnrolment: presentAssisted(assisted, ctx.deps, nowIso(ctx.deps.clock)),
      enrolment: presentEnrolment(enrolment, 'self', presentDeps(ctx.deps)),
    }
  },
})

export const assistedEnrolmentRoutes = [createAssistedRoute, listEventAssistedRoute, listMyAssistedRoute, confirmAssistedRoute]
