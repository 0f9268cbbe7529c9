import { rmSync } from 'node:fs'
import { endpoints, type ErrorCode } from '@huzhu/shared'
import { todayInChina } from '../../clock'
import { AppError } from '../../http/errors'
import { XLSX_TYPE } from '../../http/file-response'
import { defineRoute } from '../../http/route'
import { tempFilePath } from '../../files/temp-files'
import { currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { receiveXlsx } from '../rosters/roster-upload'
import { checkMedicalRecordFile } from './medical-records-file'
import { presentMedicalRecordImport } from './medical-records.presenter'
import { importMedicalRecords } from './medical-records.service'

const tags = ['medical-records']

/** Same limit as a roster: a settlement export of this size holds far more rows than allowed. */
export const MAX_MEDICAL_RECORD_FILE_BYTES = 20 * 1024 * 1024

/** The roster file checks refuse with roster codes; here the same refusals speak of medical-insurance data. */
const renamedCodes: Readonly<Partial<Record<string, ErrorCode>>> = {
  roster_invalid_file: 'medical_records_invalid_file',
  roster_content_type: 'medical_records_content_type',
  roster_file_too_large: 'medical_records_file_too_large',
}

function renamed(error: unknown): unknown {
  if (!(error instanceof AppError)) return error
  const code = renamedCodes[error.code]
  return code ? new AppError(error.status, code, { details: error.details, params: error.params }) : error
}

export const importMedicalRecordsRoute = defineRoute({
  endpoint: endpoints.medicalRecords.importMedicalRecords, tags, access: { roles: ['staff', 'admin'] },
  summary: 'Import medical-insurance settlement records (医保结算数据; raw xlsx body, at most 20 MB; columns 身份证号码, 医院, 入院日期, 出院日期, 医疗费用总额, 统筹段自付, 附加段自付, 起付线): every row is checked; one bad row and nothing is imported (every error listed). Then every undecided claim of those persons is matched again: verified, flagged `medical_figures_mismatch`, or approved straight through',
  rawBody: { description: 'The file’s bytes (.xlsx), at most 20 MB', mediaTypes: [XLSX_TYPE, 'application/octet-stream'] },
  responses: {
    201: { description: 'Imported' },
    200: { description: 'Refused: some row is bad, nothing imported (`importedCount` 0, every error)' },
  },
  errors: [413, 415, 422, 503],
  async handler(ctx) {
    const { deps } = ctx
    const user = currentUser(ctx)
    const part = tempFilePath(deps.config.dataDir, 'medical-records')
    try {
      await receiveXlsx(ctx, part, MAX_MEDICAL_RECORD_FILE_BYTES)
      const checked = await checkMedicalRecordFile(part, deps.protector, todayInChina(deps.clock))
      if (checked.errors.length > 0) {
        ctx.status = 200
        ctx.body = presentMedicalRecordImport(checked.rowCount, 0, checked.errors)
        return
      }
      const result = await deps.db.transaction().execute((trx) => importMedicalRecords(trx, deps, checked.lines, user.id, auditActorOf(ctx)))
      deps.outbox.kick()
      ctx.status = 201
      ctx.body = presentMedicalRecordImport(checked.rowCount, result.importedCount, [])
    } catch (error) {
      throw renamed(error)
    } finally {
      // The file holds ID numbers in clear: never kept.
      rmSync(part, { force: true })
    }
  },
})

export const medicalRecordRoutes = [importMedicalRecordsRoute]
