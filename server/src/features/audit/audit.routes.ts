import { endpoints } from '@huzhu/shared'
import { readPage } from '../../http/paging'
import { sendXlsx, xlsxResponse } from '../../http/file-response'
import { AppError } from '../../http/errors'
import { defineRoute } from '../../http/route'
import { AUDIT_EXPORT_LIMIT, auditFileName, auditWorkbook } from './audit-export'
import { maskedPhonesOf, presentAuditEntry } from './audit.presenter'
import { listAuditEntries } from './audit.repository'
import { auditActorOf, recordAudit } from './audit.service'
import { auditFilterOf, auditFilterQuerySchema, auditQuerySchema } from './schema'

export const listAuditLog = defineRoute({
  endpoint: endpoints.audit.listAuditLog, tags: ['audit'], access: { roles: ['admin'] },
  summary: 'Who read or changed what, newest first; filtered by actor, subject, action and days (China dates, both included)',
  request: { query: auditQuerySchema },
  responses: { 200: { description: 'A page of entries' } },
  async handler(ctx) {
    const { readDb, protector } = ctx.deps
    const { limit, before, ...query } = ctx.input.query
    const page = await readPage(limit, (take) => listAuditEntries(readDb, { ...auditFilterOf(query), before, limit: take }))
    const phones = await maskedPhonesOf(readDb, protector, page.items)
    ctx.body = { entries: page.items.map((row) => presentAuditEntry(row, phones)), nextBefore: page.next?.id ?? null }
  },
})

export const exportAuditLog = defineRoute({
  endpoint: endpoints.audit.exportAuditLog, tags: ['audit'], access: { roles: ['admin'] },
  summary: `The audit log under the same filters as an xlsx file, newest first (at most ${AUDIT_EXPORT_LIMIT} entries, else 422 \`audit_export_too_large\`); the export is itself audited`,
  request: { query: auditFilterQuerySchema },
  responses: { 200: xlsxResponse('The audit log') },
  errors: [422],
  async handler(ctx) {
    const { deps } = ctx
    const filter = auditFilterOf(ctx.input.query)
    // A heavy read: from the read pool, so the writer is not held while up to 50,000 lines are read; the export is
    // recorded before the file leaves (a refusal records nothing).
    const rows = await listAuditEntries(deps.readDb, { ...filter, limit: AUDIT_EXPORT_LIMIT + 1 })
    if (rows.length > AUDIT_EXPORT_LIMIT) throw new AppError(422, 'audit_export_too_large', { params: { limit: AUDIT_EXPORT_LIMIT } })
    const phones = await maskedPhonesOf(deps.readDb, deps.protector, rows)
    const entries = rows.map((row) => presentAuditEntry(row, phones))
    await deps.db.transaction().execute((trx) => recordAudit(trx, deps.clock, auditActorOf(ctx), {
      subjectUserId: ctx.input.query.subjectUserId ?? null, action: 'export', resource: 'audit_log', fields: [],
    }))
    sendXlsx(ctx, await auditWorkbook(entries, deps.clock.now()), auditFileName(ctx.input.query.from, ctx.input.query.to), 'audit-log.xlsx')
  },
})

export const auditRoutes = [listAuditLog, exportAuditLog]
