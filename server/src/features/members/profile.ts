import type { IdNumber, Occupation, Sex } from '@huzhu/shared'
import type { DataProtector } from '../../crypto/protector'
import type { MemberProfileRow } from './member-profiles.table'

/** A member's real-name profile, decrypted: only ever in memory. */
export interface MemberProfile {
  userId: string
  name: string
  idNumber: string
  sex: Sex
  birthDate: string
  mobile: string
  occupation: Occupation
  platform: string
  basicMedicalInsurance: boolean
  unionMember: boolean
  updatedAt: string
}

/** A validated `PUT /me/profile` body. */
export interface ProfileInput {
  name: string
  idNumber: IdNumber
  mobile: string
  occupation: Occupation
  platform: string
  basicMedicalInsurance: boolean
  unionMember: boolean
}

/** The encryption contexts bind each ciphertext to its column and account. */
export const idNumberContext = (userId: string) => `member_profiles.id_number:${userId}`
export const mobileContext = (userId: string) => `member_profiles.mobile:${userId}`

/** Keyed-hash purposes: the same phone hashes alike as a login phone and a profile mobile. */
export const ID_NUMBER_HASH = 'id_number'
export const PHONE_HASH = 'phone'

export function decodeProfile(row: MemberProfileRow, protector: DataProtector): MemberProfile {
  return {
    userId: row.user_id,
    name: row.name,
    idNumber: protector.decrypt(row.id_number_ciphertext, idNumberContext(row.user_id)),
    sex: row.sex === 'F' ? 'F' : 'M',
    birthDate: row.birth_date,
    mobile: protector.decrypt(row.mobile_ciphertext, mobileContext(row.user_id)),
    occupation: row.occupation as Occupation,
    platform: row.platform,
    basicMedicalInsurance: row.basic_medical_insurance === 1,
    unionMember: row.union_member === 1,
    updatedAt: row.updated_at,
  }
}

/** The fields whose values differ (all of them for a new profile), for the audit log. */
export function changedFields(before: MemberProfile | undefined, after: MemberProfile): string[] {
  const keys = ['name', 'idNumber', 'mobile', 'occupation', 'platform', 'basicMedicalInsurance', 'unionMember'] as const
  return keys.filter((k) => !before || before[k] !== after[k])
}
