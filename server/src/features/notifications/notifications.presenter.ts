import type { Notification, NotificationKind } from '@huzhu/shared'
import type { NotificationRow } from './notifications.table'

export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    subject: { type: row.subject_type === 'enrolment' || row.subject_type === 'unit' ? row.subject_type : 'claim', id: row.subject_id },
    createdAt: row.created_at,
    readAt: row.read_at,
  }
}
