import { eventKindLabels, formatFen, ui, type ClaimStatus, type MessageParams, type NotificationKind } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import { newId } from '../../ids'
import { notify, type NotificationInput } from '../notifications/notifications.service'
import type { NotificationRow } from '../notifications/notifications.table'
import type { ClaimHistoryRow } from './claim-history.table'
import type { ClaimRow, ClaimUpdate } from './claims.table'
import { insertHistoryRow, updateClaimRow } from './claims.repository'

export type ActorRole = 'member' | 'reviewer' | 'staff' | 'system'

export interface ClaimChange {
  from: readonly ClaimStatus[]
  to: ClaimStatus
  actorUserId: string | null
  actorRole: ActorRole
  note?: string | null
  /** Other columns to change with the status. */
  changes?: ClaimUpdate
  /** Values for the member's message text. */
  params?: MessageParams
  /** The member's message, when not the usual one for the new status. */
  kind?: NotificationKind
}

/** The member's usual message on reaching each status; a claim sent to the bank (payment_in_progress) gets none. */
const kinds: Readonly<Partial<Record<ClaimStatus, NotificationKind>>> = {
  submitted: 'claim_submitted',
  in_review: 'claim_in_review',
  needs_material: 'claim_needs_material',
  approved: 'claim_approved',
  rejected: 'claim_rejected',
  paid: 'claim_paid',
  withdrawn: 'claim_withdrawn',
}

/** A 409 naming the status the claim is in now. */
export function statusConflict(status: string, code: 'claim_status_changed' | 'claim_not_withdrawable' | 'claim_material_not_requested' | 'claim_payee_not_changeable' = 'claim_status_changed'): AppError {
  return new AppError(409, code, { params: { status: ui.claimStatus[status as ClaimStatus] ?? status } })
}

/**
 * Moves a claim to a new status: the update (only from the expected statuses,
 * else 409) and a history row, in the caller's transaction; no message.
 */
export async function moveClaim(db: Db, deps: { clock: Clock }, claim: ClaimRow, change: Omit<ClaimChange, 'params' | 'kind'>): Promise<void> {
  if (!change.from.includes(claim.status as ClaimStatus)) throw statusConflict(claim.status)
  const at = nowIso(deps.clock)
  const updated = await updateClaimRow(db, claim.id, change.from, { ...change.changes, status: change.to, updated_at: at })
  if (!updated) throw statusConflict(claim.status)
  await recordHistory(db, deps, claim.id, change.to, change.actorUserId, change.actorRole, change.note ?? null)
}

/**
 * Moves a claim to a new status (see moveClaim) and writes the member's
 * message. Returns the message row for WeChat delivery after the commit.
 */
export async function changeClaim(db: Db, deps: { clock: Clock }, claim: ClaimRow, change: ClaimChange): Promise<NotificationRow> {
  await moveClaim(db, deps, claim, change)
  return notifyMember(db, deps, { ...claim, ...change.changes, status: change.to }, change.params, change.kind)
}

/** Writes a history row; returns it. */
export async function recordHistory(db: Db, deps: { clock: Clock }, claimId: string, status: ClaimStatus, actorUserId: string | null, actorRole: ActorRole, note: string | null): Promise<ClaimHistoryRow> {
  const row: ClaimHistoryRow = { id: newId('clh', deps.clock.now()), claim_id: claimId, at: nowIso(deps.clock), status, actor_user_id: actorUserId, actor_role: actorRole, note }
  await insertHistoryRow(db, row)
  return row
}

export function notifyMember(db: Db, deps: { clock: Clock }, claim: Pick<ClaimRow, 'id' | 'member_user_id' | 'status' | 'due_on' | 'kind'>, params: MessageParams = {}, kind?: NotificationKind): Promise<NotificationRow> {
  return notify(db, deps, memberNoticeOf(claim, params, kind))
}

/** The member's message about the claim reaching its status (notifyMember's, to write many at once with notifyMany). */
export function memberNoticeOf(claim: Pick<ClaimRow, 'id' | 'member_user_id' | 'status' | 'due_on' | 'kind'>, params: MessageParams = {}, kind?: NotificationKind): NotificationInput {
  const messageKind = kind ?? kinds[claim.status as ClaimStatus]
  if (!messageKind) throw new Error(`no member message for a claim reaching ${claim.status}`)
  return {
    userId: claim.member_user_id,
    kind: messageKind,
    subject: { type: 'claim', id: claim.id },
    params: { dueOn: claim.due_on, kind: eventKindLabels[claim.kind as keyof typeof eventKindLabels] ?? claim.kind, ...params },
  }
}

export const yuan = (fen: number) => formatFen(fen)
