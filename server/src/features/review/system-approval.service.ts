import type { Catalogue, Cover } from '@huzhu/shared'
import { nowIso } from '../../clock'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import { newId } from '../../ids'
import { catalogueOf, coverOfEnrolment, priorPayoutsOf, reassessWith } from '../claims/claim-assessment.service'
import { memberNoticeOf, yuan } from '../claims/claim-changes.service'
import type { NewClaimHistoryRow } from '../claims/claim-history.table'
import type { StoredDecision } from '../claims/claim-json'
import {
  approveClaimRowsBySystem, insertHistoryRows, listCoverRowsOfPersons, listDecidedClaimRowsOfPersons, lockClaimRows,
  updateClaimRow, type ApprovedClaimWrite, type ClaimDecisionState, type CoverRow, type SystemApprovalClaim,
} from '../claims/claims.repository'
import { lockPersons } from '../enrolments/insured-persons.repository'
import { notifyMany } from '../notifications/notifications.service'
import { approvedLines } from './approved-lines'
import { estimateStale, type ReviewDeps } from './review.service'

export interface SystemApproval {
  /** A submitted claim no person has decided on, as read before the approval. */
  claim: SystemApprovalClaim
  /** The history note (why the system approves). */
  note: string
}

type DecidedClaim = Awaited<ReturnType<typeof listDecidedClaimRowsOfPersons>>[number]

const PART = 500

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const list = groups.get(keyOf(row))
    if (list) list.push(row)
    else groups.set(keyOf(row), [row])
  }
  return groups
}

/*
 * approveClaim for many claims at once, by the system (straight-through
 * processing of an import), with the same rules: the persons locked (PostgreSQL)
 * and their claims re-read under lock (a claim changed since it was read, e.g.
 * taken into review, is left as it now is); each claim approved against the
 * engine as of now, never a stale estimate (then the fresh estimate is written
 * and a person decides); a later claim of the same person counts the payouts
 * approved before it here (caps, once-a-year sums), in claim id order; a
 * history row and the member's message (delivered through the outbox after the
 * commit) for each approval. Reads and writes are one statement per part of the
 * batch, not per claim. In two halves, run in one transaction:
 * readSystemApprovals, then applySystemApprovals on what it read; an import
 * reads its next part while the previous part is decided and written (the two
 * parts' persons differ, so neither reads what the other writes).
 */

/** What the system's approval reads before it decides: the locks taken, the claims as they now are, the persons' covers and decided claims. */
export interface SystemApprovalReads {
  approvals: readonly SystemApproval[]
  now: Map<string, ClaimDecisionState>
  enrolments: Map<string, CoverRow & { sex: string }>
  decided: DecidedClaim[]
}

/** The system's approval, first half: the persons and claims locked, and all it reads; nothing written. */
export async function readSystemApprovals(db: Db, approvals: readonly SystemApproval[]): Promise<SystemApprovalReads> {
  if (approvals.length === 0) return { approvals, now: new Map(), enrolments: new Map(), decided: [] }
  const personIds = [...new Set(approvals.map((a) => a.claim.insured_person_id))]
  await lockPersons(db, personIds)
  const now = new Map((await lockClaimRows(db, approvals.map((a) => a.claim.id))).map((c) => [c.id, c]))
  // The persons' enrolments read once: each claim's own (whatever its status) and the active ones that overlap it.
  const enrolments = new Map((await listCoverRowsOfPersons(db, personIds)).map((e) => [e.id, e]))
  return { approvals, now, enrolments, decided: await listDecidedClaimRowsOfPersons(db, personIds) }
}

/** The system's approval, second half, on what readSystemApprovals read in the same transaction: decides, writes, returns how many were approved. */
export async function applySystemApprovals(db: Db, deps: ReviewDeps, reads: SystemApprovalReads): Promise<number> {
  const { approvals, now, enrolments } = reads
  if (approvals.length === 0) return 0
  const keyOf = (row: { insured_person_id: string; catalogue_id: string }) => `${row.insured_person_id}/${row.catalogue_id}`
  const active = groupBy<CoverRow>([...enrolments.values()].filter((e) => e.status === 'active'), keyOf)
  const decided = groupBy<DecidedClaim>(reads.decided, keyOf)
  // Each enrolment's cover computed once for the batch (a person's claims share them).
  const coverCache = new Map<string, Cover>()
  const coverOf = (catalogue: Catalogue, row: CoverRow) => {
    let cover = coverCache.get(row.id)
    if (!cover) coverCache.set(row.id, cover = coverOfEnrolment(catalogue, row))
    return cover
  }

  const at = nowIso(deps.clock)
  const writes: ApprovedClaimWrite[] = []
  const approved: { claim: SystemApprovalClaim; approvedFen: number; note: string }[] = []
  for (const { claim: read, note } of [...approvals].sort((a, b) => (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0))) {
    const state = now.get(read.id)
    if (!state || state.status !== 'submitted' || state.decision !== null || state.flags !== read.flags) continue
    const claim = { ...read, ...state }
    const found = enrolments.get(claim.enrolment_id)
    if (!found || found.insured_person_id !== claim.insured_person_id) throw new AppError(422, 'enrolment_not_claimable')
    const catalogue = catalogueOf(deps.catalogues, found.catalogue_id)
    const key = keyOf(found)
    const overlapping = (active.get(key) ?? []).filter((e) => e.id !== found.id).map((row) => coverOf(catalogue, row))
    const covers = [coverOf(catalogue, found), ...overlapping]
    const prior = priorPayoutsOf((decided.get(key) ?? []).filter((d) => d.id !== claim.id))
    const { payout, limits } = reassessWith(catalogue, covers, prior, found.sex === 'F' ? 'F' : 'M', claim)
    if (estimateStale(claim, payout)) {
      // Another claim of the person used up a cap meanwhile: the fresh estimate is written, and a person decides.
      await updateClaimRow(db, claim.id, [claim.status], { estimate_fen: payout.totalFen, estimate_lines: JSON.stringify(payout.lines), updated_at: at })
      continue
    }
    const approvedFen = claim.estimate_fen
    if (approvedFen <= 0) continue
    const decision: StoredDecision = { decidedAt: at, decision: 'approve', approvedFen, lines: approvedLines(payout.lines, approvedFen, limits), refusal: null, missing: [], note }
    const stored = JSON.stringify(decision)
    writes.push({ id: claim.id, decision: stored, approvedFen })
    approved.push({ claim, approvedFen, note })
    // A later claim of the same person in this batch counts this payout.
    decided.set(key, [...(decided.get(key) ?? []), { id: claim.id, insured_person_id: found.insured_person_id, catalogue_id: found.catalogue_id, event_date: claim.event_date, decision: stored }])
  }

  // The claims are locked (PostgreSQL) or the writer is this transaction (SQLite): every one of them is still submitted.
  const changed = await approveClaimRowsBySystem(db, writes, ['submitted', 'in_review'], at)
  if (changed !== writes.length) throw new Error(`approved ${changed} of ${writes.length} locked claims`)
  const history: NewClaimHistoryRow[] = approved.map(({ claim, note }) => ({
    id: newId('clh', deps.clock.now()), claim_id: claim.id, at, status: 'approved', actor_user_id: null, actor_role: 'system', note,
  }))
  await insertHistoryRows(db, history)
  for (let i = 0; i < approved.length; i += PART) {
    await notifyMany(db, deps, approved.slice(i, i + PART).map(({ claim, approvedFen }) => memberNoticeOf({ ...claim, status: 'approved' }, { amount: yuan(approvedFen) })))
  }
  return approved.length
}
