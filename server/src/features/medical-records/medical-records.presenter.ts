import { comparedFigureFields, type ClaimMedicalRecord, type ComparedFigureField, type MedicalRecordImport, type RosterError } from '@huzhu/shared'
import { hospitalDaysOf } from './medical-match.service'
import type { ClaimMatch } from './medical-records.repository'

/** The import's answer: counts and every error (row, column, code, Chinese reason), in row order. */
export function presentMedicalRecordImport(rowCount: number, importedCount: number, errors: readonly RosterError[]): MedicalRecordImport {
  return {
    rowCount,
    importedCount,
    errors: [...errors].sort((a, b) => a.row - b.row).map(({ row, column, code, message }) => ({ row, column, code, message })),
  }
}

const isComparedField = (field: unknown): field is ComparedFigureField => comparedFigureFields.includes(field as ComparedFigureField)

/** The record a claim was matched to, as the reviewer's claim page sets it beside the member's figures. */
export function presentClaimMedicalRecord(match: ClaimMatch): ClaimMedicalRecord {
  const stored = JSON.parse(match.differences) as { field?: unknown }[]
  return {
    result: match.result,
    hospital: match.hospital,
    admittedOn: match.admitted_on,
    dischargedOn: match.discharged_on,
    figures: {
      totalCostFen: match.total_cost_fen,
      pooledOutOfPocketFen: match.pooled_out_of_pocket_fen,
      supplementaryOutOfPocketFen: match.supplementary_out_of_pocket_fen,
      deductiblePaidFen: match.deductible_fen,
      hospitalDays: hospitalDaysOf(match),
    },
    differences: stored.map((d) => d.field).filter(isComparedField),
    importedAt: match.imported_at,
  }
}
