import { fillTemplate, type MessageParams, type NotificationKind } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { newId } from '../../ids'
import { enqueue, enqueueMany } from '../outbox/outbox.service'
import { notificationTexts } from './notification-texts'
import { insertNotificationRow, insertNotificationRows } from './notifications.repository'
import type { NotificationRow } from './notifications.table'

export interface NotificationInput {
  /** The member (account) the message is for. */
  userId: string
  kind: NotificationKind
  /** What it is about; `unit` for a unit admin's reminder about their unit. */
  subject: { type: 'enrolment' | 'claim' | 'unit'; id: string }
  /** Values for the text's `{placeholders}` (see notification-texts.ts), e.g. `{ amount: '6,200.00' }`. */
  params?: MessageParams
}

/**
 * Writes an in-app message for a member about an enrolment or claim status
 * change, and queues its delivery (WeChat subscribe message or SMS, chosen when
 * it is sent: `notification-delivery.ts`) in the outbox. Call it inside the
 * transaction that changes the status, so none of them commits without the
 * others; after the commit, `ctx.deps.outbox.kick()` sends it at once (else the
 * outbox's next poll does). Nothing here goes over the network.
 */
export async function notify(db: Db, deps: { clock: Clock }, input: NotificationInput): Promise<NotificationRow> {
  const row = notificationRowOf(deps, input)
  await insertNotificationRow(db, row)
  await enqueue(db, deps, 'notification', { notificationId: row.id })
  return row
}

/** notify for many messages: the rows and their deliveries in one statement each (at most a few hundred at a time). */
export async function notifyMany(db: Db, deps: { clock: Clock }, inputs: readonly NotificationInput[]): Promise<NotificationRow[]> {
  const rows = inputs.map((input) => notificationRowOf(deps, input))
  await insertNotificationRows(db, rows)
  await enqueueMany(db, deps, 'notification', rows.map((row) => ({ notificationId: row.id })))
  return rows
}

function notificationRowOf(deps: { clock: Clock }, input: NotificationInput): NotificationRow {
  const text = notificationTexts[input.kind]
  return {
    id: newId('ntf', deps.clock.now()),
    user_id: input.userId,
    kind: input.kind,
    title: fillTemplate(text.title, input.params),
    body: fillTemplate(text.body, input.params),
    subject_type: input.subject.type,
    subject_id: input.subject.id,
    created_at: nowIso(deps.clock),
    read_at: null,
    wechat_state: 'none',
  }
}
