import { openClaimStatuses } from '@huzhu/shared'
import type { Db } from '../../db/open'
import { systemApprovalColumns, type SystemApprovalClaim } from '../claims/claims.repository'
import type { ClaimMedicalMatchRow, NewClaimMedicalMatchRow } from './claim-medical-matches.table'
import type { MedicalRecordRow, NewMedicalRecordRow } from './medical-records.table'

/** Writes records; one with the same person, admission date and hospital as a stored one replaces its figures. */
export async function upsertMedicalRecordRows(db: Db, rows: readonly NewMedicalRecordRow[]): Promise<void> {
  if (rows.length === 0) return
  await db.insertInto('medical_records').values([...rows])
    .onConflict((oc) => oc.columns(['id_number_hash', 'admitted_on', 'hospital']).doUpdateSet((eb) => ({
      import_id: eb.ref('excluded.import_id'),
      discharged_on: eb.ref('excluded.discharged_on'),
      total_cost_fen: eb.ref('excluded.total_cost_fen'),
      pooled_out_of_pocket_fen: eb.ref('excluded.pooled_out_of_pocket_fen'),
      supplementary_out_of_pocket_fen: eb.ref('excluded.supplementary_out_of_pocket_fen'),
      deductible_fen: eb.ref('excluded.deductible_fen'),
      imported_by: eb.ref('excluded.imported_by'),
      imported_at: eb.ref('excluded.imported_at'),
    })))
    .execute()
}

/**
 * The insured person's records whose stay holds `date` (admission on or before
 * it, discharge on or after it): an admission on that very day first, then the
 * latest admission.
 */
export function listRecordsOfStay(db: Db, insuredPersonId: string, date: string): Promise<MedicalRecordRow[]> {
  return db.selectFrom('medical_records')
    .innerJoin('insured_persons', 'insured_persons.id_number_hash', 'medical_records.id_number_hash')
    .selectAll('medical_records')
    .where('insured_persons.id', '=', insuredPersonId)
    .where('medical_records.admitted_on', '<=', date)
    .where('medical_records.discharged_on', '>=', date)
    .orderBy('medical_records.admitted_on', 'desc')
    .orderBy('medical_records.id')
    .execute()
}

export async function saveMatchRow(db: Db, row: NewClaimMedicalMatchRow): Promise<void> {
  await db.insertInto('claim_medical_matches').values(row)
    .onConflict((oc) => oc.column('claim_id').doUpdateSet({ medical_record_id: row.medical_record_id, result: row.result, differences: row.differences, matched_at: row.matched_at }))
    .execute()
}

export async function deleteMatchRow(db: Db, claimId: string): Promise<void> {
  await db.deleteFrom('claim_medical_matches').where('claim_id', '=', claimId).execute()
}

/** Claims still undecided (`openClaimStatuses`): matched again on every import. */
export const isOpenClaim = (status: string) => (openClaimStatuses as readonly string[]).includes(status)

/**
 * Undecided claims (submitted, in review, needing material) of the persons with
 * these ID-number hashes. The status is tested here, not in SQL: with only the
 * persons in the WHERE, the plan goes from the ID-number hash to the person's
 * claims (SQLite without statistics would otherwise walk a status index, every
 * open claim, once per chunk: quadratic in an import).
 */
export async function listOpenClaimsOfHashes(db: Db, idNumberHashes: readonly string[]): Promise<(SystemApprovalClaim & { id_number_hash: string })[]> {
  if (idNumberHashes.length === 0) return []
  const rows = await db.selectFrom('claims')
    .innerJoin('insured_persons', 'insured_persons.id', 'claims.insured_person_id')
    .select(systemApprovalColumns.map((c) => `claims.${c}` as const))
    .select('insured_persons.id_number_hash')
    .where('insured_persons.id_number_hash', 'in', [...idNumberHashes])
    .orderBy('claims.id')
    .execute()
  return rows.filter((claim) => isOpenClaim(claim.status))
}

/** A claim's match: the record it was matched to, with the result and the differences. */
export type ClaimMatch = MedicalRecordRow & Pick<ClaimMedicalMatchRow, 'result' | 'differences'>

export function findMatchOfClaim(db: Db, claimId: string): Promise<ClaimMatch | undefined> {
  return db.selectFrom('claim_medical_matches')
    .innerJoin('medical_records', 'medical_records.id', 'claim_medical_matches.medical_record_id')
    .selectAll('medical_records')
    .select(['claim_medical_matches.result', 'claim_medical_matches.differences'])
    .where('claim_medical_matches.claim_id', '=', claimId)
    .executeTakeFirst()
}

/**
 * Every stored record of the persons with these ID-number hashes, latest
 * admission first (as listRecordsOfStay orders them): a range of the stay
 * index per person. The stays holding a claim's event date are picked from
 * these (`staysHolding`), so matching joins nothing.
 */
export function listRecordsOfHashes(db: Db, idNumberHashes: readonly string[]): Promise<MedicalRecordRow[]> {
  if (idNumberHashes.length === 0) return Promise.resolve([])
  return db.selectFrom('medical_records').selectAll()
    .where('id_number_hash', 'in', [...idNumberHashes])
    .orderBy('admitted_on', 'desc')
    .orderBy('id')
    .execute()
}

/** saveMatchRow for many claims in one statement. */
export async function saveMatchRows(db: Db, rows: readonly NewClaimMedicalMatchRow[]): Promise<void> {
  if (rows.length === 0) return
  await db.insertInto('claim_medical_matches').values([...rows])
    .onConflict((oc) => oc.column('claim_id').doUpdateSet((eb) => ({
      medical_record_id: eb.ref('excluded.medical_record_id'),
      result: eb.ref('excluded.result'),
      differences: eb.ref('excluded.differences'),
      matched_at: eb.ref('excluded.matched_at'),
    })))
    .execute()
}

/** deleteMatchRow for many claims in one statement. */
export async function deleteMatchRows(db: Db, claimIds: readonly string[]): Promise<void> {
  if (claimIds.length === 0) return
  await db.deleteFrom('claim_medical_matches').where('claim_id', 'in', [...claimIds]).execute()
}
