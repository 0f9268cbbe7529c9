import type { CivilDate, FundingPayer } from '@huzhu/shared'
import { forUpdate } from '../../db/dialect'
import type { Db } from '../../db/open'
import { fullyPaid, markSharesPaid } from '../enrolments/enrolment-shares.repository'
import { chunks } from '../enrolments/insured-persons.repository'
import { activatePaid } from './activation'

export interface SharesReceived {
  /** The shares this payment received, by enrolment: fen. */
  paid: Map<string, number>
  /** The enrolments it completed and activated. */
  activated: string[]
}

/**
 * A payment receives the owed shares of the pending enrolments among `ids` (of
 * one payer, or every owed share), then activates those with nothing left to
 * pay (`activatePaid`, dated from `paidOn`: cover never starts before the whole
 * premium is paid). A split is paid in parts: the member's share online, the
 * unit's by transfer; the last part starts the cover. The enrolments are locked
 * first, in id order (PostgreSQL): two parts paid at once take turns, and the
 * second sees the first's share paid, so one of them activates.
 */
export async function receiveShares(
  db: Db, catalogues: Parameters<typeof activatePaid>[1], ids: readonly string[], payer: FundingPayer | null, paymentId: string, paidOn: CivilDate, at: string,
): Promise<SharesReceived> {
  const pending: string[] = []
  for (const part of chunks([...new Set(ids)].sort())) {
    pending.push(...(await forUpdate(db, db.selectFrom('enrolments').select('id').where('id', 'in', part).where('status', '=', 'pending_payment').orderBy('id')).execute()).map((r) => r.id))
  }
  const paid = new Map<string, number>()
  for (const share of await markSharesPaid(db, pending, payer, paymentId, at)) paid.set(share.enrolment_id, (paid.get(share.enrolment_id) ?? 0) + share.amount_fen)
  const complete = await fullyPaid(db, [...paid.keys()])
  const activated = complete.length === 0 ? [] : await activatePaid(db, catalogues, complete, paymentId, paidOn, at)
  return { paid, activated }
}
