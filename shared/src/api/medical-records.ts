import { z } from 'zod'
import { rosterErrorSchema } from './units'

/**
 * Medical-insurance settlement records (医保结算数据). Import:
 * `POST /api/v1/medical-records` (staff, admins) with the xlsx bytes as the
 * body; columns 身份证号码, 医院, 入院日期, 出院日期, 医疗费用总额, 统筹段自付,
 * 附加段自付, 起付线 (dates YYYY-MM-DD, amounts in yuan). Every row is checked;
 * one bad row and nothing is imported (`importedCount` 0, every error listed).
 */
export const medicalRecordColumns = ['身份证号码', '医院', '入院日期', '出院日期', '医疗费用总额', '统筹段自付', '附加段自付', '起付线'] as const

export const medicalRecordImportSchema = z.object({
  rowCount: z.number().int().describe('data rows in the file'),
  importedCount: z.number().int().describe('rows written (new or replacing the same person, hospital and admission date); 0 when any row is bad'),
  errors: z.array(rosterErrorSchema).describe('every error, in row order; when not empty nothing was imported'),
})
export type MedicalRecordImport = z.infer<typeof medicalRecordImportSchema>
