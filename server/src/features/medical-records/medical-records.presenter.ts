import type { MedicalRecordImport, RosterError } from '@huzhu/shared'

/** The import's answer: counts and every error (row, column, code, Chinese reason), in row order. */
export function presentMedicalRecordImport(rowCount: number, importedCount: number, errors: readonly RosterError[]): MedicalRecordImport {
  return {
    rowCount,
    importedCount,
    errors: [...errors].sort((a, b) => a.row - b.row).map(({ row, column, code, message }) => ({ row, column, code, message })),
  }
}
