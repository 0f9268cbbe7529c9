import { quote, toSelection, type CivilDate, type EnrolmentMode } from '@huzhu/shared'
import type { Db } from '../../db/open'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { chunks } from '../enrolments/insured-persons.repository'
import type { EnrolmentRow, EnrolmentUpdate } from '../enrolments/enrolments.table'

/**
 * DOMAIN.md, "Payment and the start of cover": cover never starts before the
 * premium is paid, and for an instant enrolment the acceptance day is the day
 * the payment is confirmed (online: the payment notice; a transfer: the day it
 * is confirmed or matched). So a pending enrolment paid on `paidOn` is dated
 * from that day: an instant one starts the day after, with its waiting periods
 * from there; a unit's collective one keeps the plan year's start while the
 * catalogue still takes collective enrolment on the paid day, and is otherwise
 * dated as an instant enrolment accepted that day. The premium stays what was
 * priced and paid.
 */
export function datesOnPayment(row: Pick<EnrolmentRow, 'catalogue_id' | 'mode' | 'products'>, catalogues: CatalogueStore, paidOn: CivilDate): EnrolmentUpdate | undefined {
  const catalogue = catalogues.get(row.catalogue_id)
  if (!catalogue) return undefined
  const selection = toSelection(JSON.parse(row.products) as string[])
  const priced = (mode: EnrolmentMode) => quote(catalogue, { selection, mode, acceptedOn: paidOn })
  let result = row.mode === 'collective' ? priced('collective') : undefined
  if (!result?.ok) result = priced('instant')
  if (!result.ok) return undefined
  const q = result.value
  return { mode: q.mode, accepted_on: q.acceptedOn, start_on: q.start, end_on: q.end, cover_from: JSON.stringify(q.coverFrom) }
}

/**
 * Activates the pending enrolments among `ids` with this payment, each dated
 * from the paid day (`datesOnPayment`). Returns the ids activated: an enrolment
 * no longer pending (expired, cancelled, paid otherwise) or one its catalogue
 * can no longer date on that day (the plan year is over) is left as it is, for
 * the caller to refund.
 */
export async function activatePaid(db: Db, catalogues: CatalogueStore, ids: readonly string[], paymentId: string, paidOn: CivilDate, at: string): Promise<string[]> {
  // Enrolments of one selection and mode get the same dates: one update per group (a unit's roster is one group).
  const groups = new Map<string, { dates: EnrolmentUpdate | undefined; ids: string[] }>()
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('enrolments').select(['id', 'catalogue_id', 'mode', 'products'])
      .where('id', 'in', part).where('status', '=', 'pending_payment').execute()
    for (const row of rows) {
      const key = `${row.catalogue_id}|${row.mode}|${row.products}`
      let group = groups.get(key)
      if (!group) groups.set(key, (group = { dates: datesOnPayment(row, catalogues, paidOn), ids: [] }))
      group.ids.push(row.id)
    }
  }
  const activated: string[] = []
  for (const { dates, ids: groupIds } of groups.values()) {
    if (!dates) continue
    for (const part of chunks(groupIds)) {
      await db.updateTable('enrolments').set({ ...dates, status: 'active', payment_id: paymentId, updated_at: at })
        .where('id', 'in', part).where('status', '=', 'pending_payment').execute()
      activated.push(...part)
    }
  }
  return activated
}
