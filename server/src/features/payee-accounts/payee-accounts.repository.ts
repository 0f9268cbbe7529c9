import { payeeChangeableClaimStatuses, type ClaimStatus } from '@huzhu/shared'
import { lockRows } from '../../db/dialect'
import type { Db } from '../../db/open'
import type { NewPayeeAccountRow, PayeeAccountRow } from './payee-accounts.table'

/**
 * Locks the member's account row until the transaction ends, so that changes to
 * their payee accounts (add, delete, default) take turns: the count, the
 * duplicate check and the default are each read by one change at a time.
 */
export async function lockAccountHolder(db: Db, userId: string): Promise<void> {
  await lockRows(db, () => db.selectFrom('users').select('id').where('id', '=', userId))
}

/** The member's accounts in use (not deleted): the default first, then newest first. */
export function listOwnAccountRows(db: Db, userId: string): Promise<PayeeAccountRow[]> {
  return db.selectFrom('payee_accounts').selectAll().where('user_id', '=', userId).where('deleted_at', 'is', null)
    .orderBy('is_default', 'desc').orderBy('id', 'desc').execute()
}

/** One of the member's accounts in use; another member's, or a deleted one, is not found. */
export function findOwnAccountRow(db: Db, userId: string, accountId: string): Promise<PayeeAccountRow | undefined> {
  return db.selectFrom('payee_accounts').selectAll().where('id', '=', accountId).where('user_id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst()
}

export function findAccountRows(db: Db, accountIds: readonly string[]): Promise<PayeeAccountRow[]> {
  if (accountIds.length === 0) return Promise.resolve([])
  return db.selectFrom('payee_accounts').selectAll().where('id', 'in', [...new Set(accountIds)]).execute()
}

export async function insertAccountRow(db: Db, row: NewPayeeAccountRow): Promise<void> {
  await db.insertInto('payee_accounts').values(row).execute()
}

/** Makes this account the member's only default. */
export async function setDefaultAccount(db: Db, userId: string, accountId: string): Promise<void> {
  await db.updateTable('payee_accounts').set({ is_default: 0 }).where('user_id', '=', userId).where('is_default', '=', 1).where('id', '!=', accountId).execute()
  await db.updateTable('payee_accounts').set({ is_default: 1 }).where('id', '=', accountId).where('user_id', '=', userId).execute()
}

export async function markAccountDeleted(db: Db, accountId: string, at: string): Promise<void> {
  await db.updateTable('payee_accounts').set({ deleted_at: at, is_default: 0 }).where('id', '=', accountId).execute()
}

/** Claims of the account that still await their payout (not paid, rejected or withdrawn). */
export async function unpaidClaimIdsOf(db: Db, accountId: string): Promise<string[]> {
  const statuses: readonly ClaimStatus[] = [...payeeChangeableClaimStatuses, 'payment_in_progress']
  const rows = await db.selectFrom('claims').select('id').where('payee_account_id', '=', accountId).where('status', 'in', statuses).orderBy('id').execute()
  return rows.map((r) => r.id)
}
