import type { Db } from '../../db/open'
import type { NewOutreachEventRow, OutreachEventRow } from './events.table'

export function findEventById(db: Db, id: string): Promise<OutreachEventRow | undefined> {
  return db.selectFrom('outreach_events').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findEventByCode(db: Db, code: string): Promise<OutreachEventRow | undefined> {
  return db.selectFrom('outreach_events').selectAll().where('code', '=', code).executeTakeFirst()
}

export function listEventRows(db: Db): Promise<OutreachEventRow[]> {
  return db.selectFrom('outreach_events').selectAll().orderBy('date', 'desc').orderBy('id', 'desc').limit(500).execute()
}

export async function insertEvent(db: Db, row: NewOutreachEventRow): Promise<void> {
  await db.insertInto('outreach_events').values(row).execute()
}

export async function countScan(db: Db, id: string): Promise<void> {
  await db.updateTable('outreach_events').set((eb) => ({ scans: eb('scans', '+', 1) })).where('id', '=', id).execute()
}

/** Enrolments attributed to each event (not cancelled), and how many of them still wait for payment. */
export async function eventEnrolmentCounts(db: Db, ids: readonly string[]): Promise<Map<string, { enrolled: number; pendingPayment: number }>> {
  const counts = new Map<string, { enrolled: number; pendingPayment: number }>()
  if (ids.length === 0) return counts
  const rows = await db.selectFrom('enrolments')
    .select((eb) => ['event_id', 'status', eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', ids).where('status', '!=', 'cancelled')
    .groupBy(['event_id', 'status']).execute()
  for (const r of rows) {
    const c = counts.get(r.event_id!) ?? { enrolled: 0, pendingPayment: 0 }
    c.enrolled += Number(r.n)
    if (r.status === 'pending_payment') c.pendingPayment += Number(r.n)
    counts.set(r.event_id!, c)
  }
  return counts
}
