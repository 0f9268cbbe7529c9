import { endpoints } from '@huzhu/shared'
import { defineRoute } from '../../http/route'
import { unwrap } from '../../outcome'
import { currentUser } from './access'
import { presentSession } from './accounts.presenter'
import { loginWithSmsCode, loginWithWechat, logout } from './sessions.service'
import { issueLoginCode } from './sms-codes.service'

const tags = ['auth']

export const sendSmsCode = defineRoute({
  endpoint: endpoints.auth.sendSmsCode, tags, access: 'public',
  summary: 'Send a 6-digit login code by SMS (valid 5 minutes; 1 a minute and 10 a day per number); 204 once it is stored and queued',
  responses: { 204: { description: 'Stored and queued: the SMS goes out at once, and is retried if the provider fails' } },
  errors: [429],
  async handler(ctx) {
    const { phone } = ctx.input.body
    unwrap(await ctx.deps.db.transaction().execute((trx) => issueLoginCode(trx, ctx.deps, phone, ctx.ip)))
    ctx.deps.outbox.kick()
    ctx.status = 204
  },
})

export const createSmsSession = defineRoute({
  endpoint: endpoints.auth.createSmsSession, tags, access: 'public',
  summary: 'Sign in with phone and SMS code; creates the account on first sign-in; unit-admin invitations of the phone are granted',
  responses: { 200: { description: 'Signed in' } },
  errors: [403, 429],
  async handler(ctx) {
    const { phone, code } = ctx.input.body
    const outcome = await ctx.deps.db.transaction().execute((trx) => loginWithSmsCode(trx, ctx.deps, { phone, code, ip: ctx.ip, requestId: ctx.state.requestId }))
    ctx.body = presentSession(unwrap(outcome))
  },
})

export const createWechatSession = defineRoute({
  endpoint: endpoints.auth.createWechatSession, tags, access: 'public',
  summary: 'Sign in from the WeChat mini-program with a wx.login() code (code2Session)',
  responses: { 200: { description: 'Signed in' } },
  errors: [401, 403, 502, 503],
  async handler(ctx) {
    // The call to WeChat happens outside the transaction: never hold the write lock over the network.
    const identity = await ctx.deps.wechat.code2Session(ctx.input.body.code)
    const outcome = await ctx.deps.db.transaction().execute((trx) => loginWithWechat(trx, ctx.deps, identity))
    ctx.body = presentSession(unwrap(outcome))
  },
})

export const deleteCurrentSession = defineRoute({
  endpoint: endpoints.auth.deleteCurrentSession, tags, access: 'signed_in',
  summary: 'Sign out: revoke the token used for this request',
  responses: { 204: { description: 'Signed out' } },
  async handler(ctx) {
    await logout(ctx.deps.db, ctx.deps.clock, currentUser(ctx).sessionId)
    ctx.status = 204
  },
})

export const authRoutes = [sendSmsCode, createSmsSession, createWechatSession, deleteCurrentSession]
