import { quote, toSelection, type CivilDate, type EnrolmentMode } from '@huzhu/shared'
import { forUpdate } from '../../db/dialect'
import type { Db } from '../../db/open'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { chunks } from '../enrolments/insured-persons.repository'
import type { EnrolmentRow, EnrolmentUpdate } from '../enrolments/enrolments.table'
import { findHeldRows, renewalDatesOnPayment } from '../enrolments/renewal-quote'

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

type PendingRow = Pick<EnrolmentRow, 'id' | 'catalogue_id' | 'mode' | 'products' | 'renews_enrolment_id'>

/**
 * The dates of each pending enrolment among `ids` paid on `paidOn`, by id:
 * `datesOnPayment`, or for a renewal `renewalDatesOnPayment` (it keeps its start
 * the day after the cover it continues, when paid by that cover's last day). An
 * enrolment no longer pending, or one its catalogue can no longer date that day,
 * has none.
 */
export async function datesForPaid(db: Db, catalogues: CatalogueStore, ids: readonly string[], paidOn: CivilDate): Promise<Map<string, EnrolmentUpdate>> {
  const rows: PendingRow[] = []
  for (const part of chunks([...new Set(ids)])) {
    rows.push(...(await db.selectFrom('enrolments').select(['id', 'catalogue_id', 'mode', 'products', 'renews_enrolment_id'])
      .where('id', 'in', part).where('status', '=', 'pending_payment').execute()))
  }
  const held = await findHeldRows(db, rows.map((r) => r.renews_enrolment_id).filter((id): id is string => id !== null))
  // Enrolments of one selection and mode (and, for renewals, of one held cover's dates) get the same dates: a roster is a few groups.
  const byKey = new Map<string, EnrolmentUpdate | undefined>()
  const dated = new Map<string, EnrolmentUpdate>()
  for (const row of rows) {
    const old = row.renews_enrolment_id === null ? undefined : held.get(row.renews_enrolment_id)
    const key = `${row.catalogue_id}|${row.mode}|${row.products}${old ? `|${old.catalogue_id}|${old.products}|${old.start_on}|${old.end_on}|${old.cover_from}` : ''}`
    if (!byKey.has(key)) byKey.set(key, old ? renewalDatesOnPayment(row, old, catalogues, paidOn) : datesOnPayment(row, catalogues, paidOn))
    const dates = byKey.get(key)
    if (dates) dated.set(row.id, dates)
  }
  return dated
}

/**
 * Activates the pending enrolments among `ids` with this payment, each dated
 * from the paid day (`datesForPaid`). Returns the ids activated: an enrolment
 * no longer pending (expired, cancelled, paid otherwise) or one its catalogue
 * can no longer date on that day (the plan year is over) is left as it is, for
 * the caller to refund.
 */
export async function activatePaid(db: Db, catalogues: CatalogueStore, ids: readonly string[], paymentId: string, paidOn: CivilDate, at: string): Promise<string[]> {
  // Locked until the commit, in id order (PostgreSQL): two payments of one enrolment at once (a WeChat Pay notice and a
  // bank statement line) take turns, and the second finds it no longer pending. SQLite's one writer does the same.
  const pending: string[] = []
  for (const part of chunks([...new Set(ids)].sort())) {
    pending.push(...(await forUpdate(db, db.selectFrom('enrolments').select('id').where('id', 'in', part).where('status', '=', 'pending_payment').orderBy('id')).execute()).map((r) => r.id))
  }
  const groups = new Map<string, { dates: EnrolmentUpdate; ids: string[] }>()
  for (const [id, dates] of await datesForPaid(db, catalogues, pending, paidOn)) {
    const key = JSON.stringify(dates)
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { dates, ids: [] }))
    group.ids.push(id)
  }
  const activated: string[] = []
  for (const { dates, ids: groupIds } of groups.values()) {
    for (const part of chunks(groupIds)) {
      // What the update changed, not what was asked: only a row still pending is activated.
      const changed = await db.updateTable('enrolments').set({ ...dates, status: 'active', payment_id: paymentId, updated_at: at })
        .where('id', 'in', part).where('status', '=', 'pending_payment').returning('id').execute()
      activated.push(...changed.map((r) => r.id))
    }
  }
  return activated
}
