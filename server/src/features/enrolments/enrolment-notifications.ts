import type { Clock } from '../../clock'
import type { Db } from '../../db/open'
import { notify } from '../notifications/notifications.service'
import type { NotificationRow } from '../notifications/notifications.table'
import { chunks } from './insured-persons.repository'

type EnrolmentNotice = 'enrolment_created' | 'enrolment_active' | 'enrolment_cancelled'
/** The enrolments a notice is about: listed, or all those one payment activated. */
export type EnrolmentSelection = { enrolmentIds: readonly string[] } | { paymentId: string }

/**
 * An in-app message to every account linked to the person an enrolment covers
 * (DOMAIN.md, "Identity"; a rider on a unit's roster without the app, or whose
 * account has not proved who they are, gets none). Call it in the transaction that changes
 * the enrolments; after the commit, `outbox.kick()` sends their WeChat or SMS messages.
 */
export async function notifyEnrolmentHolders(db: Db, deps: { clock: Clock }, which: EnrolmentSelection, kind: EnrolmentNotice): Promise<NotificationRow[]> {
  const base = db
    .selectFrom('enrolments')
    .innerJoin('person_accounts', 'person_accounts.insured_person_id', 'enrolments.insured_person_id')
    .select(['enrolments.id', 'person_accounts.user_id'])
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
