import type { Insertable, Selectable } from 'kysely'

/**
 * Which accounts are an insured person (DOMAIN.md, "Identity"). An account
 * proves a phone, not a person: a profile's ID number alone links nothing. A
 * link is written when the account's proven phone is the phone on the person's
 * enrolment (`via = 'phone'`), when the account itself enrolled the person
 * (`'enrolment'`), or when office staff verified the person (`'staff'`,
 * `verified_by` the staff member). Only a linked account sees the person's
 * enrolments, gets their card, claims on their cover and hears about them.
 */
export interface PersonAccountsTable {
  insured_person_id: string
  user_id: string
  via: string
  verified_by: string | null
  created_at: string
}
export type PersonAccountRow = Selectable<PersonAccountsTable>
export type NewPersonAccountRow = Insertable<PersonAccountsTable>
