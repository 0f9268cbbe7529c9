import type { Insertable, Selectable } from 'kysely'

/**
 * A staff-assisted enrolment (代办) waiting for the rider's confirmation. The ID
 * number and phone are sealed (bound to the row's id) and keyed-hashed;
 * `products` is a JSON array of codes; `enrolment_id` is set on confirmation.
 */
export interface AssistedEnrolmentsTable {
  id: string
  event_id: string
  staff_user_id: string
  name: string
  id_number_ciphertext: string
  id_number_hash: string
  mobile_ciphertext: string
  mobile_hash: string
  occupation: string
  platform: string
  basic_medical_insurance: number
  union_member: number
  products: string
  premium_fen: number
  created_at: string
  expires_at: string
  confirmed_at: string | null
  confirmed_by: string | null
  enrolment_id: string | null
  consent_id: string | null
}
export type AssistedEnrolmentRow = Selectable<AssistedEnrolmentsTable>
export type NewAssistedEnrolmentRow = Insertable<AssistedEnrolmentsTable>
