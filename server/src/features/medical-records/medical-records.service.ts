import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { newId } from '../../ids'
import type { AuditActor } from '../audit/audit.service'
import { recordAudit } from '../audit/audit.service'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import type { NotificationRow } from '../notifications/notifications.table'
import { checkClaimAgainstMedicalRecords } from './medical-match.service'
import { assertClaimHandlerKnown } from '../identity/identity.service'
import type { MedicalRecordLine } from './medical-records-file'
import { listOpenClaimsOfHashes, upsertMedicalRecordRows } from './medical-records.repository'
import type { NewMedicalRecordRow } from './medical-records.table'

export interface MedicalRecordDeps {
  clock: Clock
  catalogues: CatalogueStore
}

const BATCH = 500

/**
 * Writes checked records (one with the same person, hospital and admission
 * date as a stored one replaces it), audits the import, then matches every
 * undecided claim of the persons in the file again: verified, flagged, or
 * approved straight through. All in the caller's transaction. Returns the
 * count written and the members' messages (for WeChat after the commit).
 */
export async function importMedicalRecords(db: Db, deps: MedicalRecordDeps, lines: readonly MedicalRecordLine[], userId: string, actor: AuditActor): Promise<{ importedCount: number; notifications: NotificationRow[] }> {
  await assertClaimHandlerKnown(db, userId)
  const importId = newId('mri', deps.clock.now())
  const at = nowIso(deps.clock)
  for (let i = 0; i < lines.length; i += BATCH) {
    const rows: NewMedicalRecordRow[] = lines.slice(i, i + BATCH).map((l) => ({
      id: newId('mdr', deps.clock.now()), import_id: importId, id_number_hash: l.idNumberHash, hospital: l.hospital,
      admitted_on: l.admittedOn, discharged_on: l.dischargedOn, total_cost_fen: l.totalCostFen, pooled_out_of_pocket_fen: l.pooledOutOfPocketFen,
      supplementary_out_of_pocket_fen: l.supplementaryOutOfPocketFen, deductible_fen: l.deductibleFen, imported_by: userId, imported_at: at,
    }))
    await upsertMedicalRecordRows(db, rows)
  }
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'create', resource: `medical_records_import:${importId}`, fields: ['idNumber', 'figures'] })

  const hashes = [...new Set(lines.map((l) => l.idNumberHash))]
  const notifications: NotificationRow[] = []
  for (let i = 0; i < hashes.length; i += BATCH) {
    for (const claim of await listOpenClaimsOfHashes(db, hashes.slice(i, i + BATCH))) {
      notifications.push(...await checkClaimAgainstMedicalRecords(db, deps, claim.id))
    }
  }
  return { importedCount: lines.length, notifications }
}
