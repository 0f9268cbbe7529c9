import { addDays } from '@huzhu/shared'
import { sql } from 'kysely'
import type { Logger } from 'pino'
import { todayInChina, type Clock } from '../../clock'
import type { Config } from '../../config'
import type { Db } from '../../db/open'
import { every, type ScheduledRun } from '../../jobs/every'
import { notify } from './notifications.service'
import { remindUnitAdmins } from './unit-cover-ending.service'
import type { OutboxKick } from '../outbox/outbox-kinds'
import type { NotificationRow } from './notifications.table'

/** Members are reminded when their cover ends within this many days (DOMAIN.md: "e.g. 14 days"). */
export const COVER_ENDING_REMINDER_DAYS = 14
/** How often the scheduled job looks (it also runs once at start). */
export const COVER_ENDING_INTERVAL_MS = 60 * 60 * 1000
/** The job's name in logs and in `job_leases`. */
export const COVER_ENDING_JOB = 'cover_ending_reminders'

/**
 * Writes one `cover_ending` message (params `{end}`) for each active enrolment
 * whose last day is from today to today + 14 (China date of the clock), to each
 * member whose profile holds the insured person's ID number (a roster rider
 * without the app gets none; nor does a disabled account), unless that member
 * already had one for that enrolment or has already renewed (holds cover,
 * paid or pending, that starts after this one ends). Call it inside a transaction; each message's
 * delivery is queued in the outbox with it. Running it again reminds nobody
 * twice (the unique index `notifications_cover_ending_once` backs this up).
 *
 * Unit admins get a reminder of their own about their unit
 * (`unit-cover-ending.service.ts`), written by the same job run.
 */
export async function remindCoverEnding(db: Db, deps: { clock: Clock }): Promise<NotificationRow[]> {
  const today = todayInChina(deps.clock)
  const last = addDays(today, COVER_ENDING_REMINDER_DAYS)
  const due = await db
    .selectFrom('enrolments')
    .innerJoin('person_accounts', 'person_accounts.insured_person_id', 'enrolments.insured_person_id')
    .innerJoin('users', 'users.id', 'person_accounts.user_id')
    .select(['enrolments.id', 'enrolments.end_on', 'person_accounts.user_id'])
    .where('enrolments.status', '=', 'active')
    .where('enrolments.end_on', '>=', today)
    .where('enrolments.end_on', '<=', last)
    .where('users.disabled_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(
        selectFrom('notifications')
          .select(sql.lit(1).as('one'))
          // A literal, so SQLite can use the partial index on kind = 'cover_ending'.
          .where('notifications.kind', '=', sql.lit('cover_ending'))
          .whereRef('notifications.subject_id', '=', 'enrolments.id')
          .whereRef('notifications.user_id', '=', 'person_accounts.user_id'),
      )))
    // Already renewed: the same person holds cover (paid or awaiting payment) that starts after this one ends.
    .where(({ not, exists, selectFrom }) =>
      not(exists(
        selectFrom('enrolments as renewal')
          .select(sql.lit(1).as('one'))
          .whereRef('renewal.insured_person_id', '=', 'enrolments.insured_person_id')
          .where('renewal.status', 'in', ['active', 'pending_payment'])
          .whereRef('renewal.start_on', '>', 'enrolments.end_on'),
      )))
    .orderBy('enrolments.id')
    .execute()
  const rows: NotificationRow[] = []
  for (const reminder of due) {
    rows.push(await notify(db, deps, {
      userId: reminder.user_id, kind: 'cover_ending', subject: { type: 'enrolment', id: reminder.id }, params: { end: reminder.end_on },
    }))
  }
  return rows
}

export interface CoverEndingDeps {
  db: Db
  config: Config
  logger: Logger
  clock: Clock
  outbox: OutboxKick
}

/**
 * One run of the reminder job: the messages and their deliveries (WeChat or
 * SMS, through the outbox) in one transaction, then a kick to send them.
 */
export async function runCoverEndingReminders(deps: CoverEndingDeps): Promise<NotificationRow[]> {
  const reminded = await deps.db.transaction().execute(async (trx) => [
    ...(await remindCoverEnding(trx, deps)),
    ...(await remindUnitAdmins(trx, deps, COVER_ENDING_REMINDER_DAYS)),
  ])
  if (reminded.length > 0) {
    deps.logger.info({ reminded: reminded.length }, 'cover ending reminders written')
    deps.outbox.kick()
  }
  return reminded
}

/**
 * Runs the reminder job now and then every `everyMs` (an hour), through
 * `every` (`jobs/every.ts`): never doubled, a failure logged. Given this node's
 * name (`holder`), each period's run is taken with the job's lease, so however
 * many nodes run, one of them reminds (and a second run would remind nobody
 * twice anyway: the unique index `notifications_cover_ending_once`).
 */
export function scheduleCoverEndingReminders(deps: CoverEndingDeps, holder?: string, everyMs = COVER_ENDING_INTERVAL_MS): ScheduledRun {
  const lease = holder === undefined ? undefined : { db: deps.db, clock: deps.clock, holder }
  return every(COVER_ENDING_JOB, everyMs, deps.logger, () => runCoverEndingReminders(deps), lease)
}
