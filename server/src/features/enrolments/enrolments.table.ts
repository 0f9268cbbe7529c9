import type { Insertable, Selectable, Updateable } from 'kysely'

/**
 * An enrolment (参保记录): one insured person, one catalogue, one selection, one
 * cover period, priced by the shared engine when accepted. `status` is
 * `pending_payment` until staff confirm a payment, then `active`, or
 * `cancelled`. JSON columns hold what the engine computed at acceptance, so a
 * later catalogue edit never reprices a sold enrolment.
 */
export interface EnrolmentsTable {
  id: string
  insured_person_id: string
  catalogue_id: string
  mode: string
  status: string
  /** JSON array of product codes; a repeated code is another share. */
  products: string
  accepted_on: string
  start_on: string
  end_on: string
  /** JSON object: category → first day it pays. */
  cover_from: string
  premium_fen: number
  /** JSON array of the quote's premium lines. */
  premium_lines: string
  funding_source: string
  unit_id: string | null
  event_id: string | null
  roster_id: string | null
  payment_id: string | null
  created_by: string | null
  created_at: string
  updated_at: string
  cancelled_at: string | null
  /** Why it was cancelled: `staff`, or `expired` (unpaid after the pending days). */
  cancel_reason: string | null
  /** The enrolment this one renews (续保): it starts the day after that one ends. At most one live renewal each. */
  renews_enrolment_id: string | null
}
export type EnrolmentRow = Selectable<EnrolmentsTable>
export type NewEnrolmentRow = Insertable<EnrolmentsTable>
export type EnrolmentUpdate = Updateable<EnrolmentsTable>
