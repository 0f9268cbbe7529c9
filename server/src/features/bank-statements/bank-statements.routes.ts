import { endpoints } from '@huzhu/shared'
import { forbidden } from '../../http/errors'
import { XLSX_TYPE } from '../../http/file-response'
import { defineRoute } from '../../http/route'
import { withUploadedSpreadsheet, type SpreadsheetPurpose } from '../../files/spreadsheet-upload'
import { canReachUnit, currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { unitParamsSchema } from '../units/schema'
import { unitOr404 } from '../units/units.service'
import { readBankStatement } from './bank-statement-file'
import { presentStatementImport, presentTarget } from './bank-statements.presenter'
import { matchBankStatement } from './bank-statements.service'
import { openCodes } from './payment-codes.repository'

const tags = ['payments']

/** A month of an office's account is far smaller. */
export const MAX_STATEMENT_FILE_BYTES = 10 * 1024 * 1024

/** An uploaded bank statement: its refusals speak of 银行流水. */
const statementUpload: SpreadsheetPurpose = {
  label: 'bank-statement',
  maxBytes: MAX_STATEMENT_FILE_BYTES,
  codes: { contentType: 'bank_statement_content_type', tooLarge: 'bank_statement_file_too_large', invalidFile: 'bank_statement_invalid_file' },
}

export const importBankStatement = defineRoute({
  endpoint: endpoints.bankStatements.importBankStatement, tags, access: { roles: ['staff', 'admin'] },
  summary: 'Import the office’s bank statement (raw xlsx body, at most 10 MB; columns 交易日期, 付款人, 金额, 附言/摘要 by their common names) and match each line against pending enrolments and rosters by the payment code in the memo and the amount (or, without a code, by payer and amount when exactly one fits). Matched lines become payments (channel transfer) and their enrolments turn active, cover dated from today, all in one transaction; every other line is answered with its reason and changes nothing. Importing the same statement again pays nothing twice',
  rawBody: { description: 'The statement’s bytes (.xlsx), at most 10 MB', mediaTypes: [XLSX_TYPE, 'application/octet-stream'] },
  responses: { 200: { description: 'What became of each line' } },
  errors: [413, 415, 422, 503],
  async handler(ctx) {
    const { deps } = ctx
    const staffId = currentUser(ctx).id
    // Payers' names and accounts: the file is never kept.
    await withUploadedSpreadsheet(ctx, statementUpload, async ({ path, sha256 }) => {
      const lines = await readBankStatement(path)
      const outcome = await deps.db.transaction().execute((trx) => matchBankStatement(trx, deps, lines, staffId, auditActorOf(ctx), sha256))
      if (outcome.notices.length > 0) deps.outbox.kick()
      ctx.body = presentStatementImport(outcome)
    })
  },
})

export const listUnitPaymentCodes = defineRoute({
  endpoint: endpoints.bankStatements.listUnitPaymentCodes, tags, access: { roles: ['unit_admin', 'staff', 'admin'] },
  summary: 'What the unit has to pay by transfer: each pending roster (paid as a whole) and each pending enrolment paid on its own, with the payment code its memo carries and the amount',
  request: { params: unitParamsSchema },
  responses: { 200: { description: 'Pending payments of the unit, newest first (persons’ names masked for the unit’s admin)' } },
  errors: [404],
  async handler(ctx) {
    const user = currentUser(ctx)
    const { unitId } = ctx.input.params
    if (!canReachUnit(user, unitId)) throw forbidden()
    await unitOr404(ctx.deps.readDb, unitId)
    const office = user.roles.has('staff') || user.roles.has('admin')
    const codes = (await openCodes(ctx.deps.readDb, unitId)).sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0))
    ctx.body = { codes: codes.map((c) => ({ ...presentTarget(c, !office), createdAt: c.created_at })) }
  },
})

export const bankStatementRoutes = [importBankStatement, listUnitPaymentCodes]
