import type { DataProtector } from './protector'

/**
 * Every encrypted column, as `table.column`. A ciphertext is bound to its
 * column and the id of the row that owns it (`member_profiles.id_number:usr_…`),
 * so one copied to another row or column fails to open.
 */
export type SealedColumn =
  | 'users.phone'
  | 'member_profiles.id_number'
  | 'member_profiles.mobile'
  | 'insured_persons.id_number'
  | 'insured_persons.mobile'
  | 'outbox.payload'
  | 'payee_accounts.number'
  | 'unit_admin_invitations.phone'
  | 'hardship_workers.id_number'
  | 'hardship_workers.name'
  | 'assisted_enrolments.id_number'
  | 'assisted_enrolments.mobile'

/** Encrypts `value` for `column` of the row `ownerId`. */
export function seal(protector: DataProtector, column: SealedColumn, ownerId: string, value: string): string {
  return protector.encrypt(value, `${column}:${ownerId}`)
}

/** Decrypts what `seal` wrote for `column` of the row `ownerId`. */
export function unseal(protector: DataProtector, column: SealedColumn, ownerId: string, ciphertext: string): string {
  return protector.decrypt(ciphertext, `${column}:${ownerId}`)
}

/**
 * Keyed hashes to find a record by value. One purpose per kind of value, not
 * per column: a login phone, a profile mobile and an insured person's mobile
 * hash alike, and so do an ID number in a profile and in a roster.
 */
export const hashIdNumber = (protector: DataProtector, idNumber: string): string => protector.hash('id_number', idNumber)
export const hashPhone = (protector: DataProtector, phone: string): string => protector.hash('phone', phone)
