import { chinaDateOf } from '@huzhu/shared'
import type { Db } from '../../db/open'
import type { SmsTemplateName } from '../accounts/sms-config'
import type { SmsMessage } from '../accounts/sms'
import type { NotificationRow } from './notifications.table'

/**
 * The notices that also go by SMS to a member without a WeChat subscription,
 * each with one variable (a date; never an amount, a name or a number that
 * identifies anyone, as an SMS shows on a locked phone):
 *
 * | notice | template | variable |
 * | --- | --- | --- |
 * | cover active | `enrolment_active` | `start`: first day of cover |
 * | material needed | `claim_needs_material` | `submitted`: the day the claim was sent (China date) |
 * | claim paid | `claim_paid` | `submitted` |
 * | payment to the member's account failed | `claim_payment_failed` | `submitted` |
 * | cover ends soon | `cover_ending` | `end`: last day of cover |
 */
const SMS_NOTICES: Readonly<Partial<Record<string, SmsTemplateName>>> = {
  enrolment_active: 'enrolment_active',
  claim_needs_material: 'claim_needs_material',
  claim_paid: 'claim_paid',
  claim_payment_failed: 'claim_payment_failed',
  cover_ending: 'cover_ending',
}

/** The SMS template of a notice kind; undefined: this notice is not sent by SMS. */
export const smsTemplateOf = (kind: string): SmsTemplateName | undefined => SMS_NOTICES[kind]

/** The template and variables of a notice's SMS (without the phone); undefined when its subject is gone. */
export async function smsNotice(db: Db, row: NotificationRow, template: SmsTemplateName): Promise<Omit<SmsMessage, 'phone'> | undefined> {
  if (row.subject_type === 'enrolment') {
    const enrolment = await db.selectFrom('enrolments').select(['start_on', 'end_on']).where('id', '=', row.subject_id).executeTakeFirst()
    if (!enrolment) return undefined
    return template === 'cover_ending'
      ? { template, params: [{ name: 'end', value: enrolment.end_on }] }
      : { template, params: [{ name: 'start', value: enrolment.start_on }] }
  }
  const claim = await db.selectFrom('claims').select('submitted_at').where('id', '=', row.subject_id).executeTakeFirst()
  if (!claim) return undefined
  return { template, params: [{ name: 'submitted', value: chinaDateOf(new Date(claim.submitted_at)) }] }
}
