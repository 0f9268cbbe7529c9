import {
  refusalReasons, refusalText, ui, type ClaimDecisionRequest, type DocumentKind, type PayoutLine, type RefusalCode,
} from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError, notFound } from '../../http/errors'
import type { AuditActor } from '../audit/audit.service'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { auditClaimRead } from '../claims/claim-audit'
import { reassessClaim } from '../claims/claim-assessment.service'
import { changeClaim, statusConflict, yuan } from '../claims/claim-changes.service'
import { parseFlags, parseLines, type StoredDecision, type StoredFlag } from '../claims/claim-json'
import type { ClaimRow } from '../claims/claims.table'
import { findClaimRow, lockClaimRow, updateClaimRow } from '../claims/claims.repository'
import { lockPersons } from '../enrolments/insured-persons.repository'
import { failure, success, type Outcome } from '../../outcome'
import type { NotificationRow } from '../notifications/notifications.table'
import { approvedLines } from './approved-lines'
import { assertNotOwnCover } from '../identity/identity.service'

const decidable = ['submitted', 'in_review'] as const

/**
 * The claim a reviewer is about to change (the read of its medical data
 * audited); never a claim on the reviewer's own cover, whichever account filed it (403).
 */
async function claimForReview(db: Db, clock: Clock, reviewerId: string, claimId: string, actor: AuditActor): Promise<ClaimRow> {
  // The claimant's person before the claim (row locks on PostgreSQL), in the order every writer takes them: the
  // straight-through approval of an import locks its claims' persons and then the claims; the other order here made
  // the two wait on each other (a deadlock, one of them failed). The claim is read first only to learn whose it is.
  const seen = await findClaimRow(db, claimId)
  if (!seen) throw notFound()
  await lockPersons(db, [seen.insured_person_id])
  const claim = await lockClaimRow(db, claimId)
  if (!claim) throw notFound()
  if (claim.member_user_id === reviewerId) throw new AppError(403, 'claim_own_not_reviewable')
  await assertNotOwnCover(db, reviewerId, claim.insured_person_id)
  await auditClaimRead(db, clock, actor, claim)
  return claim
}

export interface ReviewDeps {
  clock: Clock
  catalogues: CatalogueStore
}

/**
 * The claim's engine payout as of now. Claims of the same person approved since
 * the estimate may have used up a cap or a once-a-year sum: a changed estimate
 * is written to the claim (`stale`), so the reviewer sees what would be paid.
 */
async function currentEstimate(db: Db, deps: ReviewDeps, claim: ClaimRow) {
  const { payout, limits } = await reassessClaim(db, deps.catalogues, claim)
  const stale = estimateStale(claim, payout)
  if (stale) {
    const updated = await updateClaimRow(db, claim.id, [claim.status], { estimate_fen: payout.totalFen, estimate_lines: JSON.stringify(payout.lines), updated_at: nowIso(deps.clock) })
    if (!updated) throw statusConflict(claim.status)
  }
  return { payout, limits, stale, claim: { ...claim, estimate_fen: payout.totalFen, estimate_lines: JSON.stringify(payout.lines) } }
}

/** A reviewer takes a submitted claim (submitted → in_review), with the estimate brought up to date. */
export async function startReview(db: Db, deps: ReviewDeps, reviewerId: string, claimId: string, actor: AuditActor): Promise<NotificationRow> {
  const found = await claimForReview(db, deps.clock, reviewerId, claimId, actor)
  if (found.status !== 'submitted') throw statusConflict(found.status)
  const { claim } = await currentEstimate(db, deps, found)
  return changeClaim(db, deps, claim, { from: ['submitted'], to: 'in_review', actorUserId: reviewerId, actorRole: 'reviewer' })
}

/** The amounts of a payout's lines, to tell whether a stored estimate still holds. */
const amountsOf = (lines: readonly PayoutLine[]) => JSON.stringify(lines.map((l) => [l.product, l.benefit, l.part, l.amountFen]))

/** The claim's stored estimate no longer holds: the engine as of now pays another total or other lines. */
export function estimateStale(claim: Pick<ClaimRow, 'estimate_fen' | 'estimate_lines'>, payout: { totalFen: number; lines: readonly PayoutLine[] }): boolean {
  return payout.totalFen !== claim.estimate_fen || amountsOf(payout.lines) !== amountsOf(parseLines(claim.estimate_lines))
}

function refusalFor(claim: ClaimRow, code: RefusalCode, note: string | undefined): NonNullable<StoredDecision['refusal']> {
  const fromEngine = parseLines(claim.estimate_lines).find((l) => l.refusal?.code === code)
  let text = fromEngine?.reason ?? refusalText(code, { date: claim.event_date, detail: note ?? '其他原因' })
  // A reason whose figures only the engine knows (product, dates): the reviewer's note says it instead.
  if (/\{\w+\}/.test(text)) text = note ?? text.replace(/\{\w+\}/g, '').replace(/\s+/g, ' ').trim()
  return { code, number: refusalReasons[code].number, text }
}

export interface Approval {
  /** The reviewer, or null when the system approves (straight-through processing). */
  actorUserId: string | null
  actorRole: 'reviewer' | 'system'
  /** Only to change the engine's amount (then `note` is required). */
  amountFen?: number | undefined
  note?: string | undefined
}

/**
 * Approves a submitted or in-review claim against the engine as of now, never a
 * stale estimate: another claim approved meanwhile may have used up a cap (then
 * the fresh estimate is written and the outcome is a 409
 * `claim_estimate_changed`). A reviewer's decision and the system's
 * straight-through approval both come here, so caps and earlier payouts count alike.
 */
export async function approveClaim(db: Db, deps: ReviewDeps, found: ClaimRow, approval: Approval, decidedAt = nowIso(deps.clock)): Promise<Outcome<NotificationRow>> {
  if (!(decidable as readonly string[]).includes(found.status)) throw statusConflict(found.status)
  const base = { from: decidable, actorUserId: approval.actorUserId, actorRole: approval.actorRole }
  // The person's claims are weighed against caps one approval at a time (PostgreSQL: the person's row lock, held to the
  // commit); a second approval for the same person then counts the first.
  await lockPersons(db, [found.insured_person_id])
  // Approve against the engine as of now, never a stale estimate: another claim approved meanwhile may have used up a cap.
  const { payout, limits, stale, claim } = await currentEstimate(db, deps, found)
  if (stale) return failure(new AppError(409, 'claim_estimate_changed', { params: { amount: yuan(payout.totalFen) }, details: [{ estimateFen: payout.totalFen }] }))
  const changed = approval.amountFen !== undefined && approval.amountFen !== claim.estimate_fen
  if (changed && !approval.note) throw new AppError(422, 'amount_change_needs_reason', { details: [{ path: 'note', code: 'amount_change_needs_reason' }] })
  const approvedFen = approval.amountFen ?? claim.estimate_fen
  if (approvedFen <= 0) throw new AppError(422, 'claim_nothing_to_pay')
  const decision: StoredDecision = {
    decidedAt, decision: 'approve', approvedFen, lines: approvedLines(payout.lines, approvedFen, limits), refusal: null, missing: [], note: approval.note ?? null,
  }
  const flags: StoredFlag[] = parseFlags(claim.flags)
  if (changed) flags.push({ code: 'amount_changed', otherClaimId: null })
  return success(await changeClaim(db, deps, claim, {
    ...base, to: 'approved', note: approval.note ?? null, params: { amount: yuan(approvedFen) },
    changes: { decision: JSON.stringify(decision), approved_fen: approvedFen, decided_by: approval.actorUserId, flags: JSON.stringify(flags), flagged: flags.length > 0 ? 1 : 0 },
  }))
}

/**
 * A reviewer's decision on a submitted or in-review claim: approve (the engine's
 * amount, or another with a note), ask for material, or refuse with a numbered
 * reason. The decision, its history row and the member's message commit together.
 * An approval is checked against the engine as of now: when the estimate no
 * longer holds (another claim of the person was approved meanwhile), the fresh
 * estimate is written and the answer is a 409 `claim_estimate_changed` (an
 * Outcome: the route throws it after the commit), so the reviewer decides on
 * what would really be paid. A changed amount needs a note and stays within the
 * plan year's limits (see approvedLines).
 */
export async function decideClaim(db: Db, deps: ReviewDeps, reviewerId: string, claimId: string, body: ClaimDecisionRequest, actor: AuditActor): Promise<Outcome<NotificationRow>> {
  const found = await claimForReview(db, deps.clock, reviewerId, claimId, actor)
  if (!(decidable as readonly string[]).includes(found.status)) throw statusConflict(found.status)
  const decidedAt = nowIso(deps.clock)
  const base = { from: decidable, actorUserId: reviewerId, actorRole: 'reviewer' as const }
  if (body.decision === 'approve') return approveClaim(db, deps, found, { actorUserId: reviewerId, actorRole: 'reviewer', amountFen: body.amountFen, note: body.note }, decidedAt)
  const claim = found
  if (body.decision === 'request_material') {
    const missing = [...new Set(body.missing)] as DocumentKind[]
    const decision: StoredDecision = { decidedAt, decision: 'request_material', approvedFen: null, lines: [], refusal: null, missing, note: body.note }
    return success(await changeClaim(db, deps, claim, {
      ...base, to: 'needs_material', note: body.note,
      params: { missing: missing.map((k) => ui.documentKind[k]).join('、'), note: body.note },
      changes: { decision: JSON.stringify(decision), decided_by: reviewerId },
    }))
  }
  const refusal = refusalFor(claim, body.refusal as RefusalCode, body.note)
  const decision: StoredDecision = { decidedAt, decision: 'reject', approvedFen: null, lines: [], refusal, missing: [], note: body.note ?? null }
  return success(await changeClaim(db, deps, claim, {
    ...base, to: 'rejected', note: body.note ?? null, params: { reason: `第${refusal.number}号：${refusal.text}` },
    changes: { decision: JSON.stringify(decision), approved_fen: null, decided_by: reviewerId },
  }))
}
