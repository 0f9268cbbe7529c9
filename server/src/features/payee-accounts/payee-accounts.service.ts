import { MAX_PAYEE_ACCOUNTS } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import { seal } from '../../crypto/personal-data'
import type { Db } from '../../db/open'
import { AppError, notFound } from '../../http/errors'
import { newId } from '../../ids'
import { findProfileRow } from '../members/members.repository'
import { accountNumberOf } from './payee-accounts.presenter'
import {
  findOwnAccountRow, insertAccountRow, listOwnAccountRows, lockAccountHolder, markAccountDeleted, setDefaultAccount, unpaidClaimIdsOf,
} from './payee-accounts.repository'
import type { PayeeAccountRow } from './payee-accounts.table'

export interface PayeeDeps {
  clock: Clock
  protector: DataProtector
}

export interface NewPayeeAccount {
  holderName: string
  bankName: string
  /** Digits only (the shared schema's output). */
  accountNumber: string
  makeDefault?: boolean | undefined
}

const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ')

/** 422 unless the holder is the name on the member's profile now (DOMAIN.md: claims go to the member's own account). */
function assertHolderIsMember(holderName: string, profileName: string, path: string): void {
  if (!sameName(holderName, profileName)) {
    throw new AppError(422, 'payee_holder_not_profile_name', { params: { name: profileName }, details: [{ path, code: 'payee_holder_not_profile_name' }] })
  }
}

/** The member's accounts in use and the name every account of theirs is held in (null without a profile). */
export async function listOwnAccounts(db: Db, userId: string): Promise<{ rows: PayeeAccountRow[]; holderName: string | null }> {
  const profile = await findProfileRow(db, userId)
  return { rows: await listOwnAccountRows(db, userId), holderName: profile?.name ?? null }
}

/**
 * Adds a bank account of the member's own: a real-name profile is needed (403),
 * the holder must be its name (422), at most MAX_PAYEE_ACCOUNTS in use (422), the
 * same number not twice (409). The number is sealed; the first account, or one
 * asked to be, becomes the default.
 */
export async function addPayeeAccount(db: Db, deps: PayeeDeps, userId: string, input: NewPayeeAccount): Promise<PayeeAccountRow> {
  await lockAccountHolder(db, userId)
  const profile = await findProfileRow(db, userId)
  if (!profile) throw new AppError(403, 'profile_required')
  assertHolderIsMember(input.holderName, profile.name, 'holderName')
  const existing = await listOwnAccountRows(db, userId)
  if (existing.length >= MAX_PAYEE_ACCOUNTS) throw new AppError(422, 'payee_accounts_too_many', { params: { max: MAX_PAYEE_ACCOUNTS } })
  if (existing.some((row) => accountNumberOf(deps.protector, row) === input.accountNumber)) {
    throw new AppError(409, 'payee_account_exists', { details: [{ path: 'accountNumber', code: 'payee_account_exists' }] })
  }
  const id = newId('pya', deps.clock.now())
  const row: PayeeAccountRow = {
    id, user_id: userId, holder_name: profile.name, bank_name: input.bankName,
    number_ciphertext: seal(deps.protector, 'payee_accounts.number', id, input.accountNumber),
    is_default: 0, created_at: nowIso(deps.clock), deleted_at: null,
  }
  await insertAccountRow(db, row)
  if (existing.length === 0 || input.makeDefault) {
    await setDefaultAccount(db, userId, id)
    row.is_default = 1
  }
  return row
}

/** Makes one of the member's accounts the default (404 if not theirs or deleted). */
export async function makeDefaultAccount(db: Db, userId: string, accountId: string): Promise<void> {
  await lockAccountHolder(db, userId)
  if (!(await findOwnAccountRow(db, userId, accountId))) throw notFound()
  await setDefaultAccount(db, userId, accountId)
}

/**
 * Deletes one of the member's accounts, unless a claim not yet paid (nor
 * rejected or withdrawn) is to be paid to it (409, naming those claims). The
 * newest other account becomes the default when the default goes.
 */
export async function removePayeeAccount(db: Db, deps: PayeeDeps, userId: string, accountId: string): Promise<void> {
  await lockAccountHolder(db, userId)
  const row = await findOwnAccountRow(db, userId, accountId)
  if (!row) throw notFound()
  const unpaid = await unpaidClaimIdsOf(db, accountId)
  if (unpaid.length > 0) throw new AppError(409, 'payee_account_in_use', { details: unpaid.map((claimId) => ({ claimId })) })
  await markAccountDeleted(db, accountId, nowIso(deps.clock))
  if (row.is_default === 1) {
    const next = (await listOwnAccountRows(db, userId))[0]
    if (next) await setDefaultAccount(db, userId, next.id)
  }
}

/**
 * The account a claim of this member is to be paid to: one of theirs in use,
 * held in the name on their profile now (422 otherwise, at `path`).
 */
export async function payeeAccountForClaim(db: Db, userId: string, accountId: string, profileName: string, path = 'payeeAccountId'): Promise<PayeeAccountRow> {
  const row = await findOwnAccountRow(db, userId, accountId)
  if (!row) throw new AppError(422, 'payee_account_not_found', { details: [{ path, code: 'payee_account_not_found' }] })
  assertHolderIsMember(row.holder_name, profileName, path)
  return row
}
