import { endpoints } from '@huzhu/shared'
import { defineRoute } from '../../http/route'
import { auditActorOf } from '../audit/audit.service'
import { presentInvitation } from './unit-admin-invitations.presenter'
import { listInvitations } from './unit-admin-invitations.repository'
import { inviteUnitAdmin, withdrawInvitation } from './unit-admin-invitations.service'
import { unitOr404 } from './units.service'
import { invitationParamsSchema, unitParamsSchema } from './schema'

const tags = ['units']
const office = { roles: ['staff', 'admin'] } as const

export const listUnitAdminInvitations = defineRoute({
  endpoint: endpoints.units.listUnitAdminInvitations, tags, access: office,
  summary: 'The phones invited to be the unit’s admins (masked), pending or granted, newest first',
  request: { params: unitParamsSchema },
  responses: { 200: { description: 'Invitations' } },
  errors: [404],
  async handler(ctx) {
    const { unitId } = ctx.input.params
    await unitOr404(ctx.deps.readDb, unitId)
    ctx.body = { invitations: (await listInvitations(ctx.deps.readDb, unitId)).map((row) => presentInvitation(row, ctx.deps.protector)) }
  },
})

export const createUnitAdminInvitation = defineRoute({
  endpoint: endpoints.units.createUnitAdminInvitation, tags, access: office,
  summary: 'Invite a mobile number to be the unit’s admin: the account with that login phone gets the unit_admin role now, or when it first signs in with it (audited)',
  request: { params: unitParamsSchema },
  responses: { 201: { description: 'Invited (status granted when the account exists)' } },
  errors: [404, 409],
  async handler(ctx) {
    const row = await ctx.deps.db.transaction().execute((trx) => inviteUnitAdmin(trx, ctx.deps, ctx.input.params.unitId, ctx.input.body.phone, auditActorOf(ctx)))
    ctx.status = 201
    ctx.body = presentInvitation(row, ctx.deps.protector)
  },
})

export const deleteUnitAdminInvitation = defineRoute({
  endpoint: endpoints.units.deleteUnitAdminInvitation, tags, access: office,
  summary: 'Withdraw a pending invitation (a granted one is a 409: revoke the role instead); audited',
  request: { params: invitationParamsSchema },
  responses: { 204: { description: 'Withdrawn' } },
  errors: [404, 409],
  async handler(ctx) {
    const { unitId, invitationId } = ctx.input.params
    await ctx.deps.db.transaction().execute((trx) => withdrawInvitation(trx, ctx.deps.clock, unitId, invitationId, auditActorOf(ctx)))
    ctx.status = 204
  },
})

export const unitAdminInvitationRoutes = [listUnitAdminInvitations, createUnitAdminInvitation, deleteUnitAdminInvitation]
