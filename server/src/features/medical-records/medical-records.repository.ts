import type { Db } from '../../db/open'
import type { ClaimRow } from '../claims/claims.table'
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

/** Undecided claims (submitted, in review, needing material) of the persons with these ID-number hashes. */
export function listOpenClaimsOfHashes(db: Db, idNumberHashes: readonly string[]): Promise<ClaimRow[]> {
  if (idNumberHashes.length === 0) return Promise.resolve([])
  return db.selectFrom('claims')
    .innerJoin('insured_persons', 'insured_persons.id', 'claims.insured_person_id')
    .selectAll('claims')
    .where('insured_persons.id_number_hash', 'in', [...idNumberHashes])
    .where('claims.status', 'in', ['submitted', 'in_review', 'needs_material'])
    .orderBy('claims.id')
    .execute()
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

/** A stored record whose stay holds an open claim's event date, with the claim it may match. */
export type StayRecordOfClaim = MedicalRecordRow & { claim_id: string }

/**
 * In one query, for the undecided claims of the persons with these ID-number
 * hashes: every record of the same person whose stay holds the claim's event
 * date (per claim: the latest admission first, as listRecordsOfStay orders them).
 */
export function listStayRecordsOfOpenClaims(db: Db, idNumberHashes: readonly string[]): Promise<StayRecordOfClaim[]> {
  if (idNumberHashes.length === 0) return Promise.resolve([])
  return db.selectFrom('claims')
    .innerJoin('insured_persons', 'insured_persons.id', 'claims.insured_person_id')
    .innerJoin('medical_records', (join) => join.onRef('medical_records.id_number_hash', '=', 'insured_persons.id_number_hash')
      .onRef('medical_records.admitted_on', '<=', 'claims.event_date')
      .onRef('medical_records.discharged_on', '>=', 'claims.event_date'))
    .selectAll('medical_records')
    .select('claims.id as claim_id')
    .where('insured_persons.id_number_hash', 'in', [...idNumberHashes])
    .where('claims.status', 'in', ['submitted', 'in_review', 'needs_material'])
    .orderBy('claims.id')
    .orderBy('medical_records.admitted_on', 'desc')
    .orderBy('medical_records.id')
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
