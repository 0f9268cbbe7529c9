import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * A claim (理赔申请) on one enrolment. JSON columns: `figures` (the settlement
 * figures as sent), `invoice_numbers`, `estimate_lines` (the engine's payout
 * lines at the last material), `flags`, `decision` (the reviewer's decision).
 * Money in fen; `due_on` is 10 working days after `last_material_at` (China date), on
 * the holiday calendar (`features/calendar`); `due_on_provisional` 1 when that count
 * crossed a year the calendar does not hold yet (weekends alone; counted again
 * when an admin enters the year, while the claim is open).
 * `payee_account_id`: the member's account it is paid to (null only on claims made
 * before payee accounts); `payment_batch_id` the batch it was last sent in.
 */
export interface ClaimsTable {
  id: string
  member_user_id: string
  enrolment_id: string
  insured_person_id: string
  catalogue_id: string
  /** The enrolment's unit (null: not through a unit) and the day its cover starts, copied at submission (they never change after): the indicators filter claims by them. */
  unit_id: string | null
  cover_start_on: string
  kind: string
  event_date: string
  /** The claimant's age on the event date in whole years, from their birth date at submission (the public page's paid cases band it). */
  age_at_event: number | null
  diagnosis: string
  hospital: string | null
  figures: string
  invoice_numbers: string
  status: string
  submitted_at: string
  last_material_at: string
  due_on: string
  due_on_provisional: number
  estimate_fen: number
  estimate_lines: string
  flags: string
  flagged: number
  decision: string | null
  approved_fen: number | null
  decided_by: string | null
  payee_account_id: string | null
  payment_batch_id: string | null
  payment_reference: string | null
  paid_at: string | null
  /** The bank's date of the payment (China date), set with `paid`. */
  paid_on: Generated<string | null>
  /** Working days from the China date of the last material to `paid_on` on the holiday calendar, counted when paid (the indicators' days to pay). */
  paid_working_days: Generated<number | null>
  created_at: string
  updated_at: string
}
export type ClaimRow = Selectable<ClaimsTable>
export type NewClaimRow = Insertable<ClaimsTable>
export type ClaimUpdate = Updateable<ClaimsTable>
