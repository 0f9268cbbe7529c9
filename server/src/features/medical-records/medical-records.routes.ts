import { endpoints } from '@huzhu/shared'
import { todayInChina } from '../../clock'
import { XLSX_TYPE } from '../../http/file-response'
import { defineRoute } from '../../http/route'
import { withUploadedSpreadsheet } from '../../files/spreadsheet-upload'
import { currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { checkMedicalRecordFile, medicalRecordUpload } from './medical-records-file'
import { presentMedicalRecordImport } from './medical-records.presenter'
import { importMedicalRecordFile } from './medical-records.service'

const tags = ['medical-records']

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
    const today = todayInChina(deps.clock)
    // The file holds ID numbers in clear: removed when the request is done with it.
    await withUploadedSpreadsheet(ctx, medicalRecordUpload, async ({ path }) => {
      // Every row checked first, streaming and outside any transaction: a bad file writes nothing and holds no lock.
      const checked = await checkMedicalRecordFile(path, deps.protector, today)
      if (checked.errors.length > 0) {
        ctx.status = 200
        ctx.body = presentMedicalRecordImport(checked.rowCount, 0, checked.errors)
        return
      }
      const result = await deps.db.transaction().execute((trx) => importMedicalRecordFile(trx, deps, path, today, user.id, auditActorOf(ctx)))
      deps.outbox.kick()
      ctx.status = 201
      ctx.body = presentMedicalRecordImport(checked.rowCount, result.importedCount, [])
    })
  },
})

export const medicalRecordRoutes = [importMedicalRecordsRoute]
