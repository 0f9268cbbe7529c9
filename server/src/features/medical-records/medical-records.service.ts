import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { newId } from '../../ids'
import type { AuditActor } from '../audit/audit.service'
import { recordAudit } from '../audit/audit.service'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import type { ClaimRow } from '../claims/claims.table'
import { matchAmong, matchRowOf, straightThroughCandidate, straightThroughNote, writeFlags, type MedicalMatch } from './medical-match.service'
import { approveClaimsBySystem } from '../review/system-approval.service'
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
 * count written and the count approved (the members' messages are in the
 * outbox, sent after the commit: none is held here, so memory stays that of
 * one batch whatever the file's size).
 */
export async function importMedicalRecords(db: Db, deps: MedicalRecordDeps, lines: readonly MedicalRecordLine[], userId: string, actor: AuditActor): Promise<{ importedCount: number; approvedCount: number }> {
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
  let approvedCount = 0
  for (let i = 0; i < hashes.length; i += BATCH) approvedCount += await checkOpenClaimsOfHashes(db, deps, hashes.slice(i, i + BATCH))
  return { importedCount: lines.length, approvedCount }
}

/**
 * checkClaimAgainstMedicalRecords for every undecided claim of these persons,
 * set-based: one query for the claims, one joining them to the records whose
 * stay holds the event date, the match rows written (and stale ones deleted) in
 * one statement each, the own-cover and claim-handler rules checked in one query
 * each; flags written only where they change. The straight-through approvals
 * of the batch go together through approveClaimsBySystem (the reviewers'
 * approval rules: the persons' locks, caps and earlier payouts as of now, a
 * person's claims in claim order, history rows, members' messages). Returns how
 * many were approved.
 */
async function checkOpenClaimsOfHashes(db: Db, deps: MedicalRecordDeps, hashes: readonly string[]): Promise<number> {
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
  const approvals = candidates.filter(({ claim }) => !handlers.has(claim.insured_person_id) && !ownCover.has(claim.id))
    .map(({ claim, match }) => ({ claim, note: straightThroughNote(match) }))
  return approveClaimsBySystem(db, deps, approvals)
}
