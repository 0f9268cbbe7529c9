import { endpoints } from '@huzhu/shared'
import { notFound } from '../../http/errors'
import { defineRoute } from '../../http/route'
import { unwrap } from '../../outcome'
import { currentUser } from '../accounts/access'
import { userParamsSchema } from '../accounts/schema'
import { auditActorOf } from '../audit/audit.service'
import { presentProfile, presentSearchHit } from './members.presenter'
import { findProfilesByIdNumber, readProfile, saveOwnProfile } from './profile.service'

const tags = ['members']
const staffRoles = ['staff', 'reviewer', 'admin'] as const

export const getMyProfile = defineRoute({
  endpoint: endpoints.members.getMyProfile, tags, access: 'signed_in',
  summary: 'My real-name profile, unmasked (the read is audited); 204 while I have none yet',
  responses: { 200: { description: 'The profile' }, 204: { description: 'No profile yet' } },
  async handler(ctx) {
    const me = currentUser(ctx)
    const profile = await ctx.deps.db.transaction().execute((trx) => readProfile(trx, ctx.deps, me.id, auditActorOf(ctx)))
    if (!profile) {
      ctx.status = 204
      return
    }
    ctx.body = presentProfile(profile, { reveal: true })
  },
})

export const putMyProfile = defineRoute({
  endpoint: endpoints.members.putMyProfile, tags, access: 'signed_in',
  summary: 'Fill in or replace my real-name profile; needs the sensitive_personal_info consent first. The ID number links me to cover only with proof (DOMAIN.md, Identity); setting it is rate-limited',
  responses: { 200: { description: 'Saved' } },
  errors: [403, 409, 429],
  async handler(ctx) {
    const me = currentUser(ctx)
    const outcome = await ctx.deps.db.transaction().execute((trx) => saveOwnProfile(trx, ctx.deps, me, ctx.input.body, auditActorOf(ctx)))
    ctx.body = presentProfile(unwrap(outcome), { reveal: true })
  },
})

export const getMemberProfile = defineRoute({
  endpoint: endpoints.members.getMemberProfile, tags, access: { roles: staffRoles },
  summary: "A member's profile for office staff, ID number and mobile masked (the read is audited)",
  request: { params: userParamsSchema },
  responses: { 200: { description: 'The profile, masked' } },
  errors: [404],
  async handler(ctx) {
    const { userId } = ctx.input.params
    const profile = await ctx.deps.db.transaction().execute((trx) => readProfile(trx, ctx.deps, userId, auditActorOf(ctx)))
    if (!profile) throw notFound()
    ctx.body = presentProfile(profile, { reveal: false })
  },
})

export const searchMembers = defineRoute({
  endpoint: endpoints.members.searchMembers, tags, access: { roles: staffRoles },
  summary: 'Find a member by ID number (POST keeps the number out of URLs and logs; the search is audited)',
  responses: { 200: { description: 'Accounts whose profile holds this number, masked, each with its masked login phone and whether it is linked to the person with this number (typing a number proves nothing: there may be several)' } },
  async handler(ctx) {
    const { idNumber } = ctx.input.body
    const found = await ctx.deps.db.transaction().execute((trx) => findProfilesByIdNumber(trx, ctx.deps, idNumber.value, auditActorOf(ctx)))
    ctx.body = { members: found.map(presentSearchHit) }
  },
})

export const memberRoutes = [getMyProfile, putMyProfile, getMemberProfile, searchMembers]
