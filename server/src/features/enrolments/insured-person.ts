import type { IdNumber, Occupation, Sex } from '@huzhu/shared'
import { hashIdNumber, hashPhone, seal, unseal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { InsuredPersonRow } from './insured-persons.table'

/** Who an enrolment covers, as a caller hands it in (from a profile, a roster row, a new-hire form). */
export interface PersonInput {
  name: string
  idNumber: Pick<IdNumber, 'value' | 'sex' | 'birthDate'>
  mobile: string | null
  occupation: Occupation | null
  platform: string | null
  basicMedicalInsurance: boolean
}

/** An insured person, decrypted: only ever in memory. */
export interface InsuredPerson {
  id: string
  name: string
  idNumber: string
  sex: Sex
  birthDate: string
  mobile: string | null
  occupation: Occupation | null
  platform: string | null
}

/**
 * The row for a person: ID number and mobile encrypted (bound to the person's id) and hashed.
 * `idNumberHash`: the ID number's keyed hash when the caller already computed it (a roster import looks persons up by it).
 */
export function personRow(
  protector: DataProtector, id: string, input: PersonInput, now: string, createdAt = now, idNumberHash = hashIdNumber(protector, input.idNumber.value),
): InsuredPersonRow {
  return {
    id,
    id_number_hash: idNumberHash,
    id_number_ciphertext: seal(protector, 'insured_persons.id_number', id, input.idNumber.value),
    name: input.name,
    sex: input.idNumber.sex,
    birth_date: input.idNumber.birthDate,
    mobile_ciphertext: input.mobile === null ? null : seal(protector, 'insured_persons.mobile', id, input.mobile),
    mobile_hash: input.mobile === null ? null : hashPhone(protector, input.mobile),
    occupation: input.occupation,
    platform: input.platform,
    basic_medical_insurance: input.basicMedicalInsurance ? 1 : 0,
    created_at: createdAt,
    updated_at: now,
  }
}

export function decodePerson(row: InsuredPersonRow, protector: DataProtector): InsuredPerson {
  return {
    id: row.id,
    name: row.name,
    idNumber: unseal(protector, 'insured_persons.id_number', row.id, row.id_number_ciphertext),
    sex: row.sex === 'F' ? 'F' : 'M',
    birthDate: row.birth_date,
    mobile: row.mobile_ciphertext === null ? null : unseal(protector, 'insured_persons.mobile', row.id, row.mobile_ciphertext),
    occupation: row.occupation as Occupation | null,
    platform: row.platform,
  }
}
