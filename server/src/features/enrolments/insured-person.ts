import type { IdNumber, Occupation, Sex } from '@huzhu/shared'
import type { DataProtector } from '../../crypto/protector'
import { ID_NUMBER_HASH, PHONE_HASH } from '../members/profile'
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

/** The encryption contexts bind each ciphertext to its column and person. */
export const personIdContext = (personId: string) => `insured_persons.id_number:${personId}`
export const personMobileContext = (personId: string) => `insured_persons.mobile:${personId}`

export const idNumberHash = (protector: DataProtector, idNumber: string) => protector.hash(ID_NUMBER_HASH, idNumber)

/** The row for a person: ID number and mobile encrypted (bound to the person's id) and hashed. */
export function personRow(protector: DataProtector, id: string, input: PersonInput, now: string, createdAt = now): InsuredPersonRow {
  return {
    id,
    id_number_hash: idNumberHash(protector, input.idNumber.value),
    id_number_ciphertext: protector.encrypt(input.idNumber.value, personIdContext(id)),
    name: input.name,
    sex: input.idNumber.sex,
    birth_date: input.idNumber.birthDate,
    mobile_ciphertext: input.mobile === null ? null : protector.encrypt(input.mobile, personMobileContext(id)),
    mobile_hash: input.mobile === null ? null : protector.hash(PHONE_HASH, input.mobile),
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
    idNumber: protector.decrypt(row.id_number_ciphertext, personIdContext(row.id)),
    sex: row.sex === 'F' ? 'F' : 'M',
    birthDate: row.birth_date,
    mobile: row.mobile_ciphertext === null ? null : protector.decrypt(row.mobile_ciphertext, personMobileContext(row.id)),
    occupation: row.occupation as Occupation | null,
    platform: row.platform,
  }
}
