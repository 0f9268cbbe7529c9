import { endpoints, ledgerUi, type Role } from '@huzhu/shared'
import { nowIso } from '../../clock'
import { sendXlsx, xlsxResponse } from '../../http/file-response'
import { defineRoute } from '../../http/route'
import { auditActorOf, recordAudit } from '../audit/audit.service'
import { ledgerWorkbook } from './ledger-workbook'
import { catalogueNameOf, presentLedger } from './ledger.presenter'
import { buildLedger } from './ledger.service'

const tags = ['ledger']
/** The union's accounts are kept by the office (财务 sits with the office staff) and admins. */
const accountants: readonly Role[] = ['staff', 'admin']

export const getLedger = defineRoute({
  endpoint: endpoints.ledger.getLedger, tags, access: { roles: accountants },
  summary: 'The premium and payout ledger of a range of China dates (at most 366 days), optionally one catalogue: per day, catalogue and funding source, premiums received online and by transfer, refunds, claims paid and returned by the bank, with totals (400 `ledger_range_reversed` / `ledger_range_too_long`)',
  responses: { 200: { description: 'The ledger' } },
  errors: [422],
  async handler(ctx) {
    const { deps } = ctx
    ctx.body = presentLedger(await buildLedger(deps.readDb, deps.catalogues, ctx.input.query), deps.catalogues)
  },
})

export const getLedgerWorkbook = defineRoute({
  endpoint: endpoints.ledger.getLedgerWorkbook, tags, access: { roles: accountants },
  summary: 'The same ledger as an xlsx workbook (收支台账: one row per day, catalogue and funding source, then 合计; amounts in yuan; 说明: the period and how days are counted). Every download is audited',
  responses: { 200: xlsxResponse('The ledger workbook') },
  errors: [422],
  async handler(ctx) {
    const { deps } = ctx
    const { from, to, catalogueId } = ctx.input.query
    const ledger = presentLedger(await buildLedger(deps.readDb, deps.catalogues, ctx.input.query), deps.catalogues)
    const workbook = await ledgerWorkbook(ledger, catalogueId === undefined ? ledgerUi.allCatalogues : catalogueNameOf(deps.catalogues, catalogueId), nowIso(deps.clock))
    await deps.db.transaction().execute((trx) => recordAudit(trx, deps.clock, auditActorOf(ctx), {
      subjectUserId: null, action: 'export', resource: `ledger:${from}:${to}:${catalogueId ?? 'all'}`, fields: ['amount'],
    }))
    sendXlsx(ctx, workbook, `收支台账-${from}-${to}.xlsx`, `ledger-${from}-${to}.xlsx`)
  },
})

export const ledgerRoutes = [getLedger, getLedgerWorkbook]
