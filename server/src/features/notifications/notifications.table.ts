import type { Insertable, Selectable } from 'kysely'

/**
 * An in-app message to a member about one enrolment or claim, or to a unit
 * admin about their unit (`subject_type` `unit`). `wechat_state`:
 * `none` (no subscribe message to send), `pending`, `sent`, `failed`.
 */
export interface NotificationsTable {
  id: string
  user_id: string
  kind: string
  title: string
  body: string
  subject_type: string
  subject_id: string
  created_at: string
  read_at: string | null
  wechat_state: string
}
export type NotificationRow = Selectable<NotificationsTable>
export type NewNotificationRow = Insertable<NotificationsTable>
