import type { Insertable, Selectable, Updateable } from 'kysely'

/**
 * The real-name profile (实名信息), one per account. ID number and mobile are
 * encrypted (AES-256-GCM) and kept as keyed hashes to find a member by them.
 * Sex and birth date come from the ID number; booleans are 0/1.
 */
export interface MemberProfilesTable {
  user_id: string
  name: string
  id_number_ciphertext: string
  id_number_hash: string
  sex: string
  birth_date: string
  mobile_ciphertext: string
  mobile_hash: string
  occupation: string
  platform: string
  basic_medical_insurance: number
  union_member: number
  created_at: string
  updated_at: string
}
export type MemberProfileRow = Selectable<MemberProfilesTable>
export type NewMemberProfileRow = Insertable<MemberProfilesTable>
export type MemberProfileUpdate = Updateable<MemberProfilesTable>
