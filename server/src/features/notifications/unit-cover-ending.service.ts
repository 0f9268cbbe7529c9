import { addDays } from '@huzhu/shared'
import { sql } from 'kysely'
import { nowIso, todayInChina, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { notify } from './notifications.service'
import type { NotificationRow } from './notifications.table'

/**
 * Unit admins are reminded too (DOMAIN.md: "members and unit admins are
 * reminded before cover ends"): one message per unit and admin, subject the
 * unit, saying how many of the unit's active covers end from today to today +
 * `days` and are not renewed yet (units renew by roster). A later run reminds
 * the admin again only when covers ending after the last reminder's last day
 * come into the window: `unit_renewal_reminders` records, per unit and admin,
 * the last day each reminder counted, and its primary key makes a second run (or
 * a second node) at the same moment write nothing. Call it inside a transaction.
 */
export async function remindUnitAdmins(db: Db, deps: { clock: Clock }, days: number): Promise<NotificationRow[]> {
  const today = todayInChina(deps.clock)
  const ending = await db
    .selectFrom('enrolments as e')
    .innerJoin('units', 'units.id', 'e.unit_id')
    .select((eb) => ['e.unit_id', 'units.name', eb.fn.countAll<number>().as('count'), eb.fn.max('e.end_on').as('last')])
    .where('e.status', '=', 'active')
    .where('e.end_on', '>=', today)
    .where('e.end_on', '<=', addDays(today, days))
    // Renewed already: the person holds cover (paid or awaiting payment) in the plan that starts after this one ends.
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('enrolments as renewal').select(sql.lit(1).as('one'))
        .whereRef('renewal.insured_person_id', '=', 'e.insured_person_id')
        .where('renewal.status', 'in', ['active', 'pending_payment'])
        .whereRef('renewal.start_on', '>', 'e.end_on'),
    )))
    .groupBy(['e.unit_id', 'units.name'])
    .orderBy('e.unit_id')
    .execute()
  const rows: NotificationRow[] = []
  for (const unit of ending) {
    const unitId = unit.unit_id!
    const last = String(unit.last)
    const admins = await db
      .selectFrom('role_grants')
      .innerJoin('users', 'users.id', 'role_grants.user_id')
      .leftJoin('unit_renewal_reminders as r', (join) => join.onRef('r.unit_id', '=', 'role_grants.unit_id').onRef('r.user_id', '=', 'role_grants.user_id'))
      .select((eb) => ['role_grants.user_id', eb.fn.max('r.through_on').as('through')])
      .where('role_grants.role', '=', 'unit_admin').where('role_grants.unit_id', '=', unitId).where('users.disabled_at', 'is', null)
      .groupBy('role_grants.user_id')
      .orderBy('role_grants.user_id')
      .execute()
    for (const admin of admins) {
      if (admin.through !== null && String(admin.through) >= last) continue
      const written = await db.insertInto('unit_renewal_reminders')
        .values({ unit_id: unitId, user_id: admin.user_id, through_on: last, created_at: nowIso(deps.clock) })
        .onConflict((oc) => oc.columns(['unit_id', 'user_id', 'through_on']).doNothing())
        .executeTakeFirst()
      if (Number(written.numInsertedOrUpdatedRows ?? 0n) !== 1) continue
      rows.push(await notify(db, deps, {
        userId: admin.user_id, kind: 'unit_cover_ending', subject: { type: 'unit', id: unitId }, params: { unit: unit.name, count: Number(unit.count), end: last },
      }))
    }
  }
  return rows
}
