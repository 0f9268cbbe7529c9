import type { Db } from '../../db/open'
import { newestFirst } from '../../db/paging'
import type { NewNotificationRow, NotificationRow } from './notifications.table'

export async function insertNotificationRow(db: Db, row: NewNotificationRow): Promise<void> {
  await db.insertInto('notifications').values(row).execute()
}

/** Many rows in one statement (at most a few hundred: 10 columns each). */
export async function insertNotificationRows(db: Db, rows: readonly NewNotificationRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notifications').values([...rows]).execute()
}

/** Newest first; `before` is the id of the last one of the previous page. */
export function listNotificationRows(db: Db, userId: string, before: string | undefined, limit: number): Promise<NotificationRow[]> {
  return newestFirst(db.selectFrom('notifications').selectAll().where('user_id', '=', userId), before, limit).execute()
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Marks the user's unread notifications read (only those in `ids` when given). */
export async function markRead(db: Db, userId: string, ids: readonly string[] | undefined, at: string): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null)
  if (ids !== undefined) {
    if (ids.length === 0) return 0
    query = query.where('id', 'in', ids)
  }
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function setWechatState(db: Db, id: string, state: 'sent' | 'failed'): Promise<void> {
  await db.updateTable('notifications').set({ wechat_state: state }).where('id', '=', id).execute()
}
