import type { Selectable } from 'kysely'

/**
 * One payer's share of an enrolment's premium (DOMAIN.md, "Funding"): the
 * union, the unit or the member; the shares of an enrolment add up to its
 * premium. Owed until a payment receives it; the enrolment is active once
 * every share is paid.
 */
export interface EnrolmentSharesTable {
  enrolment_id: string
  payer: string
  amount_fen: number
  payment_id: string | null
  paid_at: string | null
}
export type EnrolmentShareRow = Selectable<EnrolmentSharesTable>
