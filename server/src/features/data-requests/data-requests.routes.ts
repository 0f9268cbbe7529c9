import { type DataExport, dataRequestUi, endpoints } from '@huzhu/shared'
import { todayInChina } from '../../clock'
import type { AppContext } from '../../http/context'
import { attachment, sendXlsx, xlsxResponse } from '../../http/file-response'
import { defineRoute } from '../../http/route'
import { unwrap } from '../../outcome'
import { currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { cancelDeletion, deletionOutlook, requestDeletion } from './data-deletion.service'
import { dataExportWorkbook } from './data-export-xlsx'
import { exportPersonalData } from './data-export.service'

const tags = ['data-requests']

/**
 * The member's own data requests. Every route acts on the signed-in account
 * only (no account id in the path or query): a member gets their own data, and
 * staff, reviewers and admins get theirs too, never a member's. Staff read a
 * member's records through the audited staff routes, one kind at a time.
 */

async function exportFor(ctx: AppContext, format: 'json' | 'xlsx'): Promise<DataExport> {
  const me = currentUser(ctx)
  return unwrap(await ctx.deps.db.transaction().execute((trx) => exportPersonalData(trx, ctx.deps, me.id, auditActorOf(ctx), format)))
}

export const getMyDataExport = defineRoute({
  endpoint: endpoints.dataRequests.getMyDataExport, tags, access: 'signed_in',
  summary: 'Everything held about me (PIPL art. 45) as JSON, as an attachment: account, profile, my persons, enrolments, payments, claims with history and material list, uploads, payee accounts (masked), medical-insurance records, consents, audit entries about me, messages. Audited; 3 an hour and 10 a day with the xlsx (429)',
  responses: { 200: { description: 'My data' } },
  errors: [400, 429],
  async handler(ctx) {
    const data = await exportFor(ctx, 'json')
    ctx.set('Content-Disposition', attachment(`我的数据-${todayInChina(ctx.deps.clock)}.json`, 'my-data.json'))
    ctx.body = data
  },
})

export const getMyDataExportWorkbook = defineRoute({
  endpoint: endpoints.dataRequests.getMyDataExportWorkbook, tags, access: 'signed_in',
  summary: 'The same as an xlsx workbook, a sheet per kind of record (written in memory, never to a file). Audited; rate-limited with the JSON (429)',
  responses: { 200: xlsxResponse('My data') },
  errors: [400, 429],
  async handler(ctx) {
    const data = await exportFor(ctx, 'xlsx')
    sendXlsx(ctx, await dataExportWorkbook(data, dataRequestUi.exportHint), `我的数据-${todayInChina(ctx.deps.clock)}.xlsx`, 'my-data.xlsx')
  },
})

export const getMyDataDeletion = defineRoute({
  endpoint: endpoints.dataRequests.getMyDataDeletion, tags, access: 'signed_in',
  summary: 'What asking for deletion would do now (at once, at the end of my cover, or refused and why), my scheduled request, and what is kept (with the rule) and erased',
  responses: { 200: { description: 'My deletion outlook' } },
  async handler(ctx) {
    ctx.body = await deletionOutlook(ctx.deps.db, ctx.deps, currentUser(ctx).id)
  },
})

export const requestMyDataDeletion = defineRoute({
  endpoint: endpoints.dataRequests.requestMyDataDeletion, tags, access: 'signed_in',
  summary: 'Delete my personal data (PIPL art. 47), keeping the financial records the rules require: 200 done at once (the account is closed and signed out); 202 scheduled for the day after my cover ends (asking again answers the same); 409 while a claim is being handled, a premium is awaited, or the account holds a role',
  responses: {
    200: { description: 'Deleted; the account is closed' },
    202: { description: 'Scheduled for the day after my cover ends' },
  },
  errors: [409],
  async handler(ctx) {
    const me = currentUser(ctx)
    const result = await ctx.deps.db.transaction().execute((trx) => requestDeletion(trx, ctx.deps, me.id, auditActorOf(ctx)))
    ctx.deps.outbox.kick()
    ctx.status = result.status === 'done' ? 200 : 202
    ctx.body = result
  },
})

export const cancelMyDataDeletion = defineRoute({
  endpoint: endpoints.dataRequests.cancelMyDataDeletion, tags, access: 'signed_in',
  summary: 'Withdraw my scheduled deletion (404 when none is scheduled)',
  responses: { 204: { description: 'Cancelled' } },
  errors: [404],
  async handler(ctx) {
    const me = currentUser(ctx)
    await ctx.deps.db.transaction().execute((trx) => cancelDeletion(trx, ctx.deps, me.id))
    ctx.status = 204
  },
})

export const dataRequestRoutes = [getMyDataExport, getMyDataExportWorkbook, getMyDataDeletion, requestMyDataDeletion, cancelMyDataDeletion]
