import { forUpdate } from '../../db/dialect'
import type { Db } from '../../db/open'
import type { NewSmsCodeRow, SmsCodeRow } from './sms-codes.table'

export async function insertSmsCode(db: Db, row: NewSmsCodeRow): Promise<void> {
  await db.insertInto('sms_codes').values(row).execute()
}

/**
 * The most recent code sent to a phone (by its hash), locked for the check that
 * follows (PostgreSQL): of two sign-ins with one code at once, the second reads
 * it consumed, and wrong tries are counted one after the other.
 */
export function latestSmsCode(db: Db, phoneHash: string): Promise<SmsCodeRow | undefined> {
  return forUpdate(db, db.selectFrom('sms_codes').selectAll().where('phone_hash', '=', phoneHash).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1)).executeTakeFirst()
}

/** A new code replaces every open one. */
export async function invalidateOpenSmsCodes(db: Db, phoneHash: string, at: string): Promise<void> {
  await db
    .updateTable('sms_codes')
    .set({ invalidated_at: at })
    .where('phone_hash', '=', phoneHash)
    .where('consumed_at', 'is', null)
    .where('invalidated_at', 'is', null)
    .execute()
}

export async function recordWrongAttempt(db: Db, id: string, attempts: number, invalidatedAt: string | null): Promise<void> {
  await db.updateTable('sms_codes').set({ attempts, invalidated_at: invalidatedAt }).where('id', '=', id).execute()
}

export async function consumeSmsCode(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sms_codes').set({ consumed_at: at }).where('id', '=', id).execute()
}
