import { endpoints } from '@huzhu/shared'
import type { Db } from '../../db/open'
import type { DataProtector } from '../../crypto/protector'
import { notFound } from '../../http/errors'
import { defineRoute } from '../../http/route'
import { hasProfile } from '../members/members.repository'
import { currentUser } from './access'
import { presentGrant, presentMe, presentUserSummary } from './accounts.presenter'
import { auditActorOf } from '../audit/audit.service'
import { grantRoleAsAdmin, revokeRole } from './roles.service'
import { grantParamsSchema, userParamsSchema } from './schema'
import { findUserById, findUserByPhoneHash, listGrants } from './users.repository'
import type { UserRow } from './users.table'
import { hashPhone } from '../../crypto/personal-data'

const adminOnly = { roles: ['admin'] } as const

async function summary(db: Db, protector: DataProtector, user: UserRow) {
  return presentUserSummary(user, await listGrants(db, user.id), await hasProfile(db, user.id), protector)
}

export const getMe = defineRoute({
  endpoint: endpoints.users.getMe, tags: ['auth'], access: 'signed_in',
  summary: 'The signed-in account: roles, grants, masked login phone, whether the profile is filled in',
  responses: { 200: { description: 'The account' } },
  async handler(ctx) {
    const { db, protector } = ctx.deps
    const user = await findUserById(db, currentUser(ctx).id)
    if (!user) throw notFound()
    ctx.body = presentMe(user, await listGrants(db, user.id), await hasProfile(db, user.id), protector)
  },
})

export const getUser = defineRoute({
  endpoint: endpoints.users.getUser, tags: ['users'], access: adminOnly,
  summary: 'An account with its roles',
  request: { params: userParamsSchema },
  responses: { 200: { description: 'The account' } },
  errors: [404],
  async handler(ctx) {
    const user = await findUserById(ctx.deps.db, ctx.input.params.userId)
    if (!user) throw notFound()
    ctx.body = await summary(ctx.deps.db, ctx.deps.protector, user)
  },
})

export const lookupUser = defineRoute({
  endpoint: endpoints.users.lookupUser, tags: ['users'], access: adminOnly,
  summary: 'Find an account by its login phone (POST keeps the phone out of URLs and logs)',
  responses: { 200: { description: 'The account' } },
  errors: [404],
  async handler(ctx) {
    const { db, protector } = ctx.deps
    const user = await findUserByPhoneHash(db, hashPhone(protector, ctx.input.body.phone))
    if (!user) throw notFound()
    ctx.body = await summary(db, protector, user)
  },
})

export const grantUserRole = defineRoute({
  endpoint: endpoints.users.grantUserRole, tags: ['users'], access: adminOnly,
  summary: 'Grant a role: staff, reviewer, admin, or unit_admin of one unit (audited)',
  request: { params: userParamsSchema },
  responses: { 201: { description: 'Granted' } },
  errors: [404, 409, 422],
  async handler(ctx) {
    const { role, unitId } = ctx.input.body
    const row = await ctx.deps.db.transaction().execute((trx) => grantRoleAsAdmin(trx, ctx.deps.clock, auditActorOf(ctx), {
      userId: ctx.input.params.userId, role, unitId: unitId ?? null,
    }))
    ctx.status = 201
    ctx.body = presentGrant(row)
  },
})

export const revokeUserRole = defineRoute({
  endpoint: endpoints.users.revokeUserRole, tags: ['users'], access: adminOnly,
  summary: 'Revoke a role grant (audited). Nobody revokes their own admin role (403 `role_own_admin_not_revocable`), so the office always keeps an admin',
  request: { params: grantParamsSchema },
  responses: { 204: { description: 'Revoked' } },
  errors: [403, 404],
  async handler(ctx) {
    const { userId, grantId } = ctx.input.params
    await ctx.deps.db.transaction().execute((trx) => revokeRole(trx, ctx.deps.clock, auditActorOf(ctx), userId, grantId))
    ctx.status = 204
  },
})

export const userRoutes = [getMe, lookupUser, getUser, grantUserRole, revokeUserRole]
