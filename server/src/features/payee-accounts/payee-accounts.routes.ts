import { endpoints } from '@huzhu/shared'
import type { AppContext } from '../../http/context'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { presentPayeeAccount } from './payee-accounts.presenter'
import { addPayeeAccount, listOwnAccounts, makeDefaultAccount, removePayeeAccount } from './payee-accounts.service'
import { payeeAccountParamsSchema } from './schema'

const tags = ['payee-accounts']

async function accountList(ctx: Pick<AppContext, 'deps'>, userId: string) {
  const { rows, holderName } = await listOwnAccounts(ctx.deps.db, userId)
  return { accounts: rows.map((row) => presentPayeeAccount(ctx.deps.protector, row)), holderName }
}

export const listMyPayeeAccounts = defineRoute({
  endpoint: endpoints.payeeAccounts.listMyPayeeAccounts, tags, access: 'signed_in',
  summary: 'My bank accounts for claim payouts, numbers masked, the default first; with the name they are held in (my profile’s)',
  responses: { 200: { description: 'My accounts' } },
  async handler(ctx) {
    ctx.body = await accountList(ctx, currentUser(ctx).id)
  },
})

export const addMyPayeeAccount = defineRoute({
  endpoint: endpoints.payeeAccounts.addMyPayeeAccount, tags, access: 'signed_in',
  summary: 'Add a bank account of my own for claim payouts: the holder must be the name on my real-name profile (422; 403 without a profile); the number is checked (400), stored encrypted and shown masked; the same number twice is a 409; at most 10',
  responses: { 201: { description: 'Added' } },
  errors: [403, 409, 422],
  async handler(ctx) {
    const me = currentUser(ctx)
    const row = await ctx.deps.db.transaction().execute((trx) => addPayeeAccount(trx, ctx.deps, me.id, ctx.input.body))
    ctx.status = 201
    ctx.body = presentPayeeAccount(ctx.deps.protector, row)
  },
})

export const setMyDefaultPayeeAccount = defineRoute({
  endpoint: endpoints.payeeAccounts.setMyDefaultPayeeAccount, tags, access: 'signed_in',
  summary: 'Make one of my accounts the default for new claims',
  request: { params: payeeAccountParamsSchema },
  responses: { 200: { description: 'My accounts' } },
  errors: [404],
  async handler(ctx) {
    const me = currentUser(ctx)
    await ctx.deps.db.transaction().execute((trx) => makeDefaultAccount(trx, me.id, ctx.input.params.payeeAccountId))
    ctx.body = await accountList(ctx, me.id)
  },
})

export const deleteMyPayeeAccount = defineRoute({
  endpoint: endpoints.payeeAccounts.deleteMyPayeeAccount, tags, access: 'signed_in',
  summary: 'Delete one of my accounts; 409 while a claim not yet paid is to be paid to it',
  request: { params: payeeAccountParamsSchema },
  responses: { 204: { description: 'Deleted' } },
  errors: [404, 409],
  async handler(ctx) {
    const me = currentUser(ctx)
    await ctx.deps.db.transaction().execute((trx) => removePayeeAccount(trx, ctx.deps, me.id, ctx.input.params.payeeAccountId))
    ctx.status = 204
  },
})

export const payeeAccountRoutes = [listMyPayeeAccounts, addMyPayeeAccount, setMyDefaultPayeeAccount, deleteMyPayeeAccount]
