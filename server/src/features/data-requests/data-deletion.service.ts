import { addDays, dataRequestUi, fillTemplate, message, staffUi, type CivilDate, type DataDeletionOutlook, type DataDeletionResult } from '@huzhu/shared'
import type { Logger } from 'pino'
import { nowIso, todayInChina, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import { newId } from '../../ids'
import type { AuditActor } from '../audit/audit.service'
import {
  claimRowsOf, dueRequests, enrolmentRowsOf, findUserRow, insertDoneRequest, lockPersonRows, insertScheduledRequest, linkRowsOf, moveRequest, roleNamesOf,
  scheduledRequestOf, settleRequest,
} from './data-requests.repository'
import { eraseAccount } from './data-erasure'
import { erasedRecords, keptRecords, scheduledReason } from './data-requests.presenter'
import { hardshipRowsOf, idHashesOf } from './funding-records'

export interface DataDeletionDeps {
  clock: Clock
  protector: DataProtector
  /** The job logs a request it could not carry out (its id only) and goes on with the next. */
  logger?: Pick<Logger, 'error'>
}

/**
 * When a member's personal data may be deleted (PIPL art. 47):
 *
 * - A claim still being handled (submitted, in review, waiting for material,
 *   approved, at the bank): refused. Deciding and paying it needs their
 *   identity, material and account; deleting would forfeit the payout. Its end
 *   is not a date we know, and the member can end it themself (withdraw it).
 * - An enrolment waiting for its premium: refused. A payment may arrive at any
 *   moment (a unit's transfer, WeChat Pay) and start cover; it expires by itself.
 * - Cover running (active, ending today or later): scheduled for the day after
 *   the last cover ends. The cover is paid (often by the unit or the union) and
 *   a claim during it needs the identity; at its end the purpose of holding the
 *   data is achieved, which is when art. 47(1) asks for deletion. The member
 *   keeps using the cover, sees the date, and can cancel until then.
 * - An account holding a role (staff, reviewer, admin, unit admin): refused
 *   until an admin revokes it, so the office never loses a role holder silently.
 * - Otherwise: at once.
 */
export type DeletionVerdict =
  | { kind: 'at_once' }
  | { kind: 'at_cover_end'; coverEndsOn: CivilDate; effectiveOn: CivilDate }
  | { kind: 'refused'; error: AppError }

const HANDLED_CLAIM_STATUSES: ReadonlySet<string> = new Set(['submitted', 'in_review', 'needs_material', 'approved', 'payment_in_progress'])

export async function deletionVerdict(db: Db, userId: string, today: CivilDate): Promise<DeletionVerdict> {
  const roles = (await roleNamesOf(db, userId)).filter((r) => r !== 'member')
  if (roles.length > 0) {
    const names = roles.map((r) => (staffUi.roles as Record<string, string>)[r] ?? r).join('、')
    return { kind: 'refused', error: new AppError(409, 'data_deletion_staff_role', { params: { roles: names } }) }
  }
  const personIds = (await linkRowsOf(db, userId)).map((l) => l.insured_person_id)
  const openClaims = (await claimRowsOf(db, userId, personIds)).filter((c) => HANDLED_CLAIM_STATUSES.has(c.status))
  if (openClaims.length > 0) return { kind: 'refused', error: new AppError(409, 'data_deletion_claim_open', { params: { count: openClaims.length } }) }
  const enrolments = await enrolmentRowsOf(db, personIds)
  const pending = enrolments.filter((e) => e.status === 'pending_payment')
  if (pending.length > 0) return { kind: 'refused', error: new AppError(409, 'data_deletion_payment_pending', { params: { count: pending.length } }) }
  const running = enrolments.filter((e) => e.status === 'active' && e.end_on >= today)
  if (running.length === 0) return { kind: 'at_once' }
  const coverEndsOn = running.map((e) => e.end_on).reduce((a, b) => (a > b ? a : b)) as CivilDate
  return { kind: 'at_cover_end', coverEndsOn, effectiveOn: addDays(coverEndsOn, 1) }
}

export async function deletionOutlook(db: Db, deps: DataDeletionDeps, userId: string): Promise<DataDeletionOutlook> {
  const verdict = await deletionVerdict(db, userId, todayInChina(deps.clock))
  const scheduled = await scheduledRequestOf(db, userId)
  const refusal = verdict.kind === 'refused' ? message(verdict.error.code, verdict.error.params) : null
  // Why the scheduled one waits, as things stand: the cover, what is in the way now, or nothing (it runs on its day).
  const waitsFor = (effectiveOn: string) => verdict.kind === 'at_cover_end'
    ? scheduledReason(verdict.coverEndsOn, effectiveOn)
    : refusal ?? fillTemplate(dataRequestUi.scheduledSoon, { date: effectiveOn })
  return {
    scheduled: scheduled ? { requestedAt: scheduled.requested_at, effectiveOn: scheduled.effective_on as CivilDate, reason: waitsFor(scheduled.effective_on) } : null,
    now: verdict.kind,
    coverEndsOn: verdict.kind === 'at_cover_end' ? verdict.coverEndsOn : null,
    effectiveOn: verdict.kind === 'at_cover_end' ? verdict.effectiveOn : null,
    refusal: verdict.kind === 'refused' ? { code: verdict.error.code, message: refusal ?? '' } : null,
    kept: keptRecords(await isHardshipFlagged(db, userId)),
    erased: erasedRecords(),
  }
}

/**
 * The member asks for deletion. Refused (thrown: nothing written), scheduled
 * (one scheduled request per account; asking again answers the same one), or
 * carried out now: `blobKeys` are queued in the outbox for removal after the commit.
 */
export async function requestDeletion(db: Db, deps: DataDeletionDeps, userId: string, actor: AuditActor): Promise<DataDeletionResult> {
  const now = nowIso(deps.clock)
  await lockAccount(db, userId)
  const verdict = await deletionVerdict(db, userId, todayInChina(deps.clock))
  if (verdict.kind === 'refused') throw verdict.error
  const base = { kept: keptRecords(await isHardshipFlagged(db, userId)), erased: erasedRecords() }
  if (verdict.kind === 'at_cover_end') {
    const row = await insertScheduledRequest(db, { id: newId('ddr', deps.clock.now()), user_id: userId, status: 'scheduled', requested_at: now, effective_on: verdict.effectiveOn, done_at: null, cancelled_at: null })
    if (row.effective_on !== verdict.effectiveOn) await moveRequest(db, row.id, verdict.effectiveOn)
    return { status: 'scheduled', effectiveOn: verdict.effectiveOn, reason: scheduledReason(verdict.coverEndsOn, verdict.effectiveOn), ...base }
  }
  const scheduled = await scheduledRequestOf(db, userId)
  if (scheduled) await settleRequest(db, scheduled.id, { status: 'done', at: now })
  else await insertDoneRequest(db, { id: newId('ddr', deps.clock.now()), user_id: userId, status: 'done', requested_at: now, effective_on: todayInChina(deps.clock), done_at: now, cancelled_at: null })
  await eraseAccount(db, deps, userId, actor)
  return { status: 'done', effectiveOn: null, reason: null, ...base }
}

export async function cancelDeletion(db: Db, deps: DataDeletionDeps, userId: string): Promise<void> {
  const scheduled = await scheduledRequestOf(db, userId)
  if (!scheduled || !(await settleRequest(db, scheduled.id, { status: 'cancelled', at: nowIso(deps.clock) }))) throw new AppError(404, 'data_deletion_not_scheduled')
}

/**
 * The hourly job: each scheduled request due today or earlier is looked at again
 * in a transaction of its own. Nothing in the way: carried out. The cover was
 * renewed meanwhile: moved to the day after the new end. A claim opened or a
 * premium awaited: moved to tomorrow and looked at again then (the member's
 * page says why). A failure is logged and tried again next hour. Returns the counts.
 */
export async function runDueDeletions(db: Db, deps: DataDeletionDeps, limit = 100): Promise<{ done: number; moved: number; waiting: number; failed: number }> {
  const today = todayInChina(deps.clock)
  const counts = { done: 0, moved: 0, waiting: 0, failed: 0 }
  for (const request of await dueRequests(db, today, limit)) {
    const system: AuditActor = { userId: null, ip: null, requestId: null }
    const outcome = await db.transaction().execute(async (trx) => {
      const current = await scheduledRequestOf(trx, request.user_id)
      if (!current || current.id !== request.id) return 'gone' as const
      // Locked before the verdict, as requestDeletion does: a claim being submitted now is either seen by it or waits.
      await lockAccount(trx, request.user_id)
      const verdict = await deletionVerdict(trx, request.user_id, today)
      if (verdict.kind === 'refused') {
        // Looked at again tomorrow (so those waiting never hold up the rest); the member's page says why.
        await moveRequest(trx, request.id, addDays(today, 1))
        return 'waiting' as const
      }
      if (verdict.kind === 'at_cover_end') {
        await moveRequest(trx, request.id, verdict.effectiveOn)
        return 'moved' as const
      }
      if (!(await settleRequest(trx, request.id, { status: 'done', at: nowIso(deps.clock) }))) return 'gone' as const
      await eraseAccount(trx, deps, request.user_id, system)
      return 'done' as const
    }).catch((error: unknown) => {
      deps.logger?.error({ err: error, dataDeletionRequestId: request.id }, 'scheduled data deletion failed; tried again next hour')
      return 'failed' as const
    })
    if (outcome !== 'gone') counts[outcome] += 1
  }
  return counts
}

/**
 * The account and its persons first (row locks on PostgreSQL, in the order a
 * claim submission takes them): a second request, a payment, a claim decision or
 * a new claim on them waits, and the verdict that follows sees what they wrote.
 */
async function lockAccount(db: Db, userId: string): Promise<void> {
  await findUserRow(db, userId)
  await lockPersonRows(db, (await linkRowsOf(db, userId)).map((l) => l.insured_person_id))
}

/** Whether the member is flagged as a hardship worker (困难职工): then deletion keeps the flag's record too. */
async function isHardshipFlagged(db: Db, userId: string): Promise<boolean> {
  return (await hardshipRowsOf(db, await idHashesOf(db, userId))).length > 0
}
