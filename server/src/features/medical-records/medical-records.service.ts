import type { CivilDate } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { newId } from '../../ids'
import type { AuditActor } from '../audit/audit.service'
import { recordAudit } from '../audit/audit.service'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { matchAmong, matchRowOf, straightThroughCandidate, straightThroughNote, writeFlags, type MedicalMatch } from './medical-match.service'
import { chunks, lockPersons } from '../enrolments/insured-persons.repository'
import type { SystemApprovalClaim } from '../claims/claims.repository'
import { applySystemApprovals, readSystemApprovals, type SystemApprovalReads } from '../review/system-approval.service'
import { assertClaimHandlerKnown, ownCoverPersonIds, personIdsHandlingClaims } from '../identity/identity.service'
import { checkMedicalRecordFile, type MedicalRecordLine } from './medical-records-file'
import { deleteMatchRows, listOpenClaimsOfHashes, listRecordsOfHashes, saveMatchRows, upsertMedicalRecordRows } from './medical-records.repository'
import type { MedicalRecordRow, NewMedicalRecordRow } from './medical-records.table'

export interface MedicalRecordDeps {
  clock: Clock
  catalogues: CatalogueStore
}

const BATCH = 500

/**
 * Imports a settlement file whose rows were all checked good: reads it again
 * row by row (`checkMedicalRecordFile`) into importMedicalRecords. Memory holds
 * a batch or two of rows, never the file's.
 */
export function importMedicalRecordFile(
  db: Db, deps: MedicalRecordDeps & { protector: DataProtector }, path: string, today: CivilDate, userId: string, actor: AuditActor,
): Promise<ImportedMedicalRecords> {
  return importMedicalRecords(db, deps, async (add) => {
    const checked = await checkMedicalRecordFile(path, deps.protector, today, add)
    // Checked good before the caller's transaction began: a failure now is the file changing underneath, and nothing is kept.
    if (checked.errors.length > 0) throw new Error('medical records import: the file changed after its check')
  }, userId, actor)
}

export interface ImportedMedicalRecords {
  importedCount: number
  approvedCount: number
}

/** Hands every checked line, in order, to `add` (awaiting it: it writes when a batch is full). */
export type MedicalRecordSource = (add: (line: MedicalRecordLine) => Promise<void>) => Promise<void>

/**
 * Writes checked records a batch at a time as `source` hands them over (one
 * with the same person, hospital and admission date as a stored one replaces
 * it), audits the import, then matches every undecided claim of the persons
 * in it again, a chunk of persons at a time: verified, flagged, or approved
 * straight through. All in the caller's transaction. Memory holds two batches
 * (one being written while the next is filled) and the set of the import's
 * ID-number hashes (within the file's row limit); the members' messages are in
 * the outbox, sent after the commit. Returns the count written and the count
 * approved.
 */
export async function importMedicalRecords(db: Db, deps: MedicalRecordDeps, source: MedicalRecordSource, userId: string, actor: AuditActor): Promise<ImportedMedicalRecords> {
  await assertClaimHandlerKnown(db, userId)
  const importId = newId('mri', deps.clock.now())
  const at = nowIso(deps.clock)
  const hashes = new Set<string>()
  let batch: NewMedicalRecordRow[] = []
  let importedCount = 0
  // A full batch is written while the file's next rows are read and checked: one statement at a time on the
  // transaction's connection (the previous one finished before the next begins), its failure thrown at the next
  // flush or at the end, and nothing left running when the import ends either way.
  let writing: Promise<void> = Promise.resolve()
  const flush = async () => {
    const rows = batch
    batch = []
    await writing
    writing = upsertMedicalRecordRows(db, rows).then(() => { importedCount += rows.length })
    writing.catch(() => undefined)
  }
  try {
    await source(async (l) => {
      hashes.add(l.idNumberHash)
      batch.push({
        id: newId('mdr', deps.clock.now()), import_id: importId, id_number_hash: l.idNumberHash, hospital: l.hospital,
        admitted_on: l.admittedOn, discharged_on: l.dischargedOn, total_cost_fen: l.totalCostFen, pooled_out_of_pocket_fen: l.pooledOutOfPocketFen,
        supplementary_out_of_pocket_fen: l.supplementaryOutOfPocketFen, deductible_fen: l.deductibleFen, imported_by: userId, imported_at: at,
      })
      if (batch.length >= BATCH) await flush()
    })
    await flush()
  } finally {
    await writing.catch(() => undefined)
  }
  await writing
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'create', resource: `medical_records_import:${importId}`, fields: ['idNumber', 'figures'] })

  let approvedCount = 0
  // Pipelined as the records were: a part's claims are decided and written while the next part is read (its
  // statements queued behind on the transaction's connection). Parts hold different persons, so neither reads what
  // the other writes; nothing is left running when the import ends either way.
  const parts = chunks([...hashes], BATCH)
  let next: Promise<SystemApprovalReads> | undefined
  try {
    for (let i = 0; i < parts.length; i++) {
      const reads = await (next ?? matchOpenClaimsOfHashes(db, deps, parts[i]!))
      next = i + 1 < parts.length ? matchOpenClaimsOfHashes(db, deps, parts[i + 1]!) : undefined
      next?.catch(() => undefined)
      approvedCount += await applySystemApprovals(db, deps, reads)
    }
  } finally {
    await next?.catch(() => undefined)
  }
  return { importedCount, approvedCount }
}

/**
 * checkClaimAgainstMedicalRecords for every undecided claim of these persons,
 * set-based, up to the approvals: one query for the claims, their persons
 * locked (PostgreSQL) before any claim is written, one for the persons'
 * records (the stays holding each claim's event date picked here), the match
 * rows written (and stale ones deleted) in one statement each, the
 * own-cover and claim-handler rules checked in one query each; flags written
 * only where they change. The straight-through approvals of the batch are
 * read for the reviewers' approval rules (readSystemApprovals: the persons'
 * locks, caps and earlier payouts as of now) and left to the caller to decide
 * and write (applySystemApprovals: a person's claims in claim order, history
 * rows, members' messages).
 */
async function matchOpenClaimsOfHashes(db: Db, deps: MedicalRecordDeps, hashes: readonly string[]): Promise<SystemApprovalReads> {
  const open = await listOpenClaimsOfHashes(db, hashes)
  // The persons first, then their claims (flags, approvals): the one lock order of every writer (a reviewer's decision
  // holds the person while it waits for the claim).
  await lockPersons(db, open.map((claim) => claim.insured_person_id))
  const recordsOf = new Map<string, MedicalRecordRow[]>()
  for (const record of await listRecordsOfHashes(db, hashes)) {
    const list = recordsOf.get(record.id_number_hash)
    if (list) list.push(record)
    else recordsOf.set(record.id_number_hash, [record])
  }
  const claims: SystemApprovalClaim[] = []
  const matches = new Map<string, MedicalMatch>()
  for (const { id_number_hash: hash, ...claim } of open) {
    claims.push(claim)
    const stays = (recordsOf.get(hash) ?? []).filter((r) => r.admitted_on <= claim.event_date && r.discharged_on >= claim.event_date)
    const match = matchAmong(claim, stays)
    if (match) matches.set(claim.id, match)
  }
  const rows = [...matches].map(([claimId, match]) => matchRowOf(deps, claimId, match))
  const unmatched = claims.filter((c) => !matches.has(c.id)).map((c) => c.id)
  for (let i = 0; i < rows.length; i += BATCH) await saveMatchRows(db, rows.slice(i, i + BATCH))
  for (let i = 0; i < unmatched.length; i += BATCH) await deleteMatchRows(db, unmatched.slice(i, i + BATCH))

  const candidates: { claim: SystemApprovalClaim; match: MedicalMatch }[] = []
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
  return readSystemApprovals(db, approvals)
}
