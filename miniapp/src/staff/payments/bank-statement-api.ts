import { endpoints, bankStatementImportSchema, type BankStatementImport, type UnitPaymentCodes } from '@huzhu/shared'
import { call } from '../../api/call'
import { ApiError } from '../../api/errors'
import { postXlsx } from '../lib/files'
import { staffPaths } from '../lib/paths'

/** Transfers matched by payment code: the office's bank-statement import, and what a unit has to pay with which code. */

/** `POST /api/v1/bank-statements`: the statement's bytes; what became of each line. */
export async function uploadBankStatement(bytes: ArrayBuffer): Promise<BankStatementImport> {
  const parsed = bankStatementImportSchema.safeParse(await postXlsx(staffPaths.bankStatements, bytes))
  if (!parsed.success) throw new ApiError('bad_response')
  return parsed.data
}

/** The unit's pending rosters and enrolments, each with the payment code its transfer's memo carries. */
export async function fetchUnitPaymentCodes(unitId: string): Promise<UnitPaymentCodes['codes']> {
  return (await call(endpoints.bankStatements.listUnitPaymentCodes, { params: { unitId } })).codes
}
