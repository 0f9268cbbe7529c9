import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { newId } from '../../ids'
import type { AuditActor } from '../audit/audit.service'
import { recordAudit } from '../audit/audit.service'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import type { NotificationRow } from '../notifications/notifications.table'
import type { ClaimRow } from '../claims/claims.table'
import { approveStraightThrough, matchAmong, matchRowOf, straightThroughCandidate, writeFlags, type MedicalMatch } from './medical-match.service'
import { assertClaimHandlerKnown, ownCoverPersonIds, personIdsHandlingClaims } from '../identity/identity.service'
import type { MedicalRecordLine } from './medical-records-file'
import { deleteMatchRows, listOpenClaimsOfHashes, listStayRecordsOfOpenClaims, saveMatchRows, upsertMedicalRecordRows } from './medical-records.repository'
import type { MedicalRecordRow, NewMedicalRecordRow } from './medical-records.table'

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
  for (let i = 0; i < hashes.length; i += BATCH) notifications.push(...await checkOpenClaimsOfHashes(db, deps, hashes.slice(i, i + BATCH)))
  return { importedCount: lines.length, notifications }
}

/**
 * checkClaimAgainstMedicalRecords for every undecided claim of these persons,
 * set-based: one query for the claims, one joining them to the records whose
 * stay holds the event date, the match rows written (and stale ones deleted) in
 * one statement each, the own-cover and claim-handler rules checked in one query
 * each; flags written only where they change. Each straight-through approval
 * still goes through the reviewers' approval path (the person's lock, caps and
 * earlier payouts as of now, history row, member's message), in claim order.
 */
async function checkOpenClaimsOfHashes(db: Db, deps: MedicalRecordDeps, hashes: readonly string[]): Promise<NotificationRow[]> {
  const claims = await listOpenClaimsOfHashes(db, hashes)
  const recordsOf = new Map<string, MedicalRecordRow[]>()
  for (const { claim_id: claimId, ...record } of await listStayRecordsOfOpenClaims(db, hashes)) {
    const list = recordsOf.get(claimId) ?? []
    list.push(record)
    recordsOf.set(claimId, list)
  }
  const matches = new Map<string, MedicalMatch>()
  for (const claim of claims) {
    const match = matchAmong(claim, recordsOf.get(claim.id) ?? [])
    if (match) matches.set(claim.id, match)
  }
  const rows = [...matches].map(([claimId, match]) => matchRowOf(deps, claimId, match))
  const unmatched = claims.filter((c) => !matches.has(c.id)).map((c) => c.id)
  for (let i = 0; i < rows.length; i += BATCH) await saveMatchRows(db, rows.slice(i, i + BATCH))
  for (let i = 0; i < unmatched.length; i += BATCH) await deleteMatchRows(db, unmatched.slice(i, i + BATCH))

  const candidates: { claim: ClaimRow; match: MedicalMatch }[] = []
  for (const claim of claims) {
    const match = matches.get(claim.id) ?? null
    const current = await writeFlags(db, deps, claim, match)
    if (straightThroughCandidate(current, match)) candidates.push({ claim: current, match })
  }
  // Nobody approves their own claim through a record they imported, and a claim of someone who handles claims always goes to a reviewer.
  const handlers = await personIdsHandlingClaims(db, [...new Set(candidates.map((c) => c.claim.insured_person_id))])
  const ownCover = new Set<string>()
  for (const importer of new Set(candidates.map((c) => c.match.record.imported_by))) {
    const ofImporter = candidates.filter((c) => c.match.record.imported_by === importer)
    const own = await ownCoverPersonIds(db, importer, [...new Set(ofImporter.map((c) => c.claim.insured_person_id))])
    for (const c of ofImporter) if (own.has(c.claim.insured_person_id)) ownCover.add(c.claim.id)
  }
  const notifications: NotificationRow[] = []
  for (const { claim, match } of candidates) {
    if (handlers.has(claim.insured_person_id) || ownCover.has(claim.id)) continue
    notifications.push(...await approveStraightThrough(db, deps, claim, match))
  }
  return notifications
}
