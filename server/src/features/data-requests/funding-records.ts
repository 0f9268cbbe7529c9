import type { DataExport, FundingPayer } from '@huzhu/shared'
import { seal, unseal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { chunks } from '../enrolments/insured-persons.repository'
import type { HardshipWorkerRow } from '../enrolments/hardship-workers.table'

/**
 * A member's funding records in their data requests: who pays what of their
 * enrolments (`enrolment_shares`) and their hardship-worker flag (困难职工),
 * found by the keyed hashes of their own ID numbers (profile and proven persons).
 */

/** The ID-number hashes of the account's profile and of the persons it is linked to with proof. */
export async function idHashesOf(db: Db, userId: string): Promise<string[]> {
  const profile = await db.selectFrom('member_profiles').select('id_number_hash').where('user_id', '=', userId).executeTakeFirst()
  const persons = await db.selectFrom('person_accounts as l').innerJoin('insured_persons as p', 'p.id', 'l.insured_person_id')
    .select('p.id_number_hash').where('l.user_id', '=', userId).execute()
  return [...new Set([...(profile ? [profile.id_number_hash] : []), ...persons.map((p) => p.id_number_hash)])]
}

/** The flags in force under these hashes (one per number; erased ones match nobody). */
export function hardshipRowsOf(db: Db, idHashes: readonly string[]): Promise<HardshipWorkerRow[]> {
  if (idHashes.length === 0) return Promise.resolve([])
  return db.selectFrom('hardship_workers').selectAll().where('id_number_hash', 'in', [...idHashes]).where('erased_at', 'is', null).orderBy('id').execute()
}

/** The member's own flag, in full (it is theirs). */
export function presentOwnHardshipFlag(protector: DataProtector, row: HardshipWorkerRow | undefined): DataExport['hardshipWorker'] {
  if (!row) return null
  return {
    name: row.name === null ? null : unseal(protector, 'hardship_workers.name', row.id, row.name),
    idNumber: unseal(protector, 'hardship_workers.id_number', row.id, row.id_number),
    reason: row.reason, flaggedAt: row.flagged_at,
  }
}

/** Every share of these enrolments, in the funding order. */
export async function shareRowsOf(db: Db, enrolmentIds: readonly string[]): Promise<DataExport['fundingShares']> {
  const order: Record<FundingPayer, number> = { union: 0, unit: 1, member: 2 }
  const found: DataExport['fundingShares'] = []
  for (const part of chunks([...enrolmentIds])) {
    const rows = await db.selectFrom('enrolment_shares').select(['enrolment_id', 'payer', 'amount_fen', 'paid_at']).where('enrolment_id', 'in', part).execute()
    for (const r of rows) found.push({ enrolmentId: r.enrolment_id, payer: r.payer as FundingPayer, amountFen: Number(r.amount_fen), paidAt: r.paid_at })
  }
  return found.sort((a, b) => a.enrolmentId.localeCompare(b.enrolmentId) || order[a.payer] - order[b.payer])
}

/**
 * Erasure of the flags: the name and ID number go and the hash no longer
 * matches the number (`erased:<id>`, as erased persons'); the reason, who
 * flagged and when stay, as the record of why the union paid the member's
 * share (the shares themselves are kept with the enrolments).
 */
export async function eraseHardshipFlags(db: Db, protector: DataProtector, idHashes: readonly string[], now: string): Promise<void> {
  for (const row of await hardshipRowsOf(db, idHashes)) {
    await db.updateTable('hardship_workers').set({
      id_number_hash: `erased:${row.id}`, id_number: seal(protector, 'hardship_workers.id_number', row.id, ''), name: null, erased_at: now,
    }).where('id', '=', row.id).execute()
  }
}
