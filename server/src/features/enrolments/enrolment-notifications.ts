import type { Clock } from '../../clock'
import type { Db } from '../../db/open'
import { notify } from '../notifications/notifications.service'
import type { NotificationRow } from '../notifications/notifications.table'
import { chunks } from './insured-persons.repository'

type EnrolmentNotice = 'enrolment_created' | 'enrolment_active' | 'enrolment_cancelled'
/** The enrolments a notice is about: listed, or all those one payment activated. */
export type EnrolmentSelection = { enrolmentIds: readonly string[] } | { paymentId: string }

/**
 * An in-app message to every member an enrolment covers who has an account
 * (their profile holds the insured person's ID number; a rider on a unit's
 * roster without the app gets none). Call it in the transaction that changes
 * the enrolments; after the commit, hand the rows to `deliverWechat`.
 */
export async function notifyEnrolmentHolders(db: Db, deps: { clock: Clock }, which: EnrolmentSelection, kind: EnrolmentNotice): Promise<NotificationRow[]> {
  const base = db
    .selectFrom('enrolments')
    .innerJoin('insured_persons', 'insured_persons.id', 'enrolments.insured_person_id')
    .innerJoin('member_profiles', 'member_profiles.id_number_hash', 'insured_persons.id_number_hash')
    .select(['enrolments.id', 'member_profiles.user_id'])
  const holders =
    'paymentId' in which
      ? await base.where('enrolments.payment_id', '=', which.paymentId).execute()
      : (await Promise.all(chunks(which.enrolmentIds).map((ids) => base.where('enrolments.id', 'in', ids).execute()))).flat()
  const rows: NotificationRow[] = []
  for (const holder of holders) {
    rows.push(await notify(db, deps, { userId: holder.user_id, kind, subject: { type: 'enrolment', id: holder.id } }))
  }
  return rows
}
