import type { Insertable, Selectable, Updateable } from 'kysely'

/**
 * An insured person (被保险人): whoever an enrolment covers, whether they have an
 * account or came in on a unit's roster. One row per ID number, found by its
 * keyed hash (the same hash as `member_profiles.id_number_hash`), so a rider who
 * signs up later sees the cover their unit bought. ID number and mobile are
 * encrypted (AES-256-GCM); sex and birth date come from the ID number.
 */
export interface InsuredPersonsTable {
  id: string
  id_number_hash: string
  id_number_ciphertext: string
  name: string
  sex: string
  birth_date: string
  mobile_ciphertext: string | null
  mobile_hash: string | null
  occupation: string | null
  platform: string | null
  basic_medical_insurance: number
  created_at: string
  updated_at: string
}
export type InsuredPersonRow = Selectable<InsuredPersonsTable>
export type NewInsuredPersonRow = Insertable<InsuredPersonsTable>
export type InsuredPersonUpdate = Updateable<InsuredPersonsTable>
