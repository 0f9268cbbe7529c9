import type { IdNumber, Occupation, Sex } from '@huzhu/shared'
import { unseal } from '../../crypto/personal-data'
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

export function decodeProfile(row: MemberProfileRow, protector: DataProtector): MemberProfile {
  return {
    userId: row.user_id,
    name: row.name,
    idNumber: unseal(protector, 'member_profiles.id_number', row.user_id, row.id_number_ciphertext),
    sex: row.sex === 'F' ? 'F' : 'M',
    birthDate: row.birth_date,
    mobile: unseal(protector, 'member_profiles.mobile', row.user_id, row.mobile_ciphertext),
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
