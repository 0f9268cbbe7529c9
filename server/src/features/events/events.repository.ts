import type { Db } from '../../db/open'
import type { NewOutreachEventRow, OutreachEventRow } from './events.table'
import type { EventCounts } from './events.presenter'

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

/** Enrolments attributed to each event (not cancelled), how many of them still wait for payment, how many are gifts. */
export async function eventEnrolmentCounts(db: Db, ids: readonly string[]): Promise<Map<string, EventCounts>> {
  const counts = new Map<string, EventCounts>()
  if (ids.length === 0) return counts
  const rows = await db.selectFrom('enrolments')
    .select((eb) => ['event_id', 'status', 'funding_source', eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', ids).where('status', '!=', 'cancelled')
    .groupBy(['event_id', 'status', 'funding_source']).execute()
  for (const r of rows) {
    const c = counts.get(r.event_id!) ?? { enrolled: 0, pendingPayment: 0, gifts: 0 }
    if (r.funding_source === 'union_gift') c.gifts += Number(r.n)
    c.enrolled += Number(r.n)
    if (r.status === 'pending_payment') c.pendingPayment += Number(r.n)
    counts.set(r.event_id!, c)
  }
  return counts
}
