import {
  auditActions, dataRequestUi, erasedRecordKinds, fillTemplate, keptRecordKinds,
  type AuditAction, type DataExport, type DataDeletionResult,
} from '@huzhu/shared'
import type { AuditLogRow } from '../audit/audit-log.table'
import type { MedicalRecordRow } from '../medical-records/medical-records.table'

/** An audit entry as the member is told it: who (themselves, office staff, the system; staff not named), what, when. No IP but their own. */
export function presentAuditAboutMe(row: AuditLogRow, userId: string): DataExport['auditEntries'][number] {
  let fields: string[] = []
  try {
    const parsed = JSON.parse(row.fields) as unknown
    if (Array.isArray(parsed)) fields = parsed.filter((f): f is string => typeof f === 'string')
  } catch {
    // an unreadable list shows as none
  }
  return {
    at: row.at,
    by: row.actor_user_id === null ? 'system' : row.actor_user_id === userId ? 'self' : 'staff',
    action: (auditActions as readonly string[]).includes(row.action) ? (row.action as AuditAction) : 'read',
    resource: row.resource,
    fields,
  }
}

export function presentMedicalRecord(row: MedicalRecordRow): DataExport['medicalRecords'][number] {
  return {
    hospital: row.hospital, admittedOn: row.admitted_on, dischargedOn: row.discharged_on, totalCostFen: row.total_cost_fen,
    pooledOutOfPocketFen: row.pooled_out_of_pocket_fen, supplementaryOutOfPocketFen: row.supplementary_out_of_pocket_fen,
    deductibleFen: row.deductible_fen, importedAt: row.imported_at,
  }
}

/** What deletion keeps, each with the rule that requires it, in the member's words (shared message catalogue); a hardship flag only for a flagged member. */
export const keptRecords = (hardshipFlagged: boolean): DataDeletionResult['kept'] =>
  keptRecordKinds.filter((kind) => kind !== 'hardship_flag' || hardshipFlagged).map((kind) => ({ kind, text: dataRequestUi.kept[kind] }))
export const erasedRecords = (): DataDeletionResult['erased'] => erasedRecordKinds.map((kind) => ({ kind, text: dataRequestUi.erased[kind] }))

/** Why a deletion waits for the cover to end, with both dates. */
export function scheduledReason(coverEndsOn: string, effectiveOn: string): string {
  return fillTemplate(dataRequestUi.scheduledReason, { end: coverEndsOn, date: effectiveOn })
}
