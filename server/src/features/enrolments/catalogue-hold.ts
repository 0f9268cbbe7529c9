import { addDays, violation, type CivilDate } from '@huzhu/shared'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import type { CatalogueStore, StoredCatalogue } from '../catalogues/catalogue-store'
import { shareCatalogueRows } from '../catalogues/catalogues.repository'
import type { NewEnrolmentRow } from './enrolments.table'

/** The store enrolments are priced from; a live store also tells which version of a published catalogue that was. */
export type PricingStore = Pick<CatalogueStore, 'get'> & { record?(id: string): StoredCatalogue | undefined }

/**
 * Holds the catalogues of new enrolments until the commit (a share lock on
 * their rows, `shareCatalogueRows`) and checks them as the database has them
 * now, not as this node's store last loaded them (up to a second old): an
 * enrolment on or after the day a closure names is refused with the engine's
 * own `enrolment_closed` rule (422 `enrolment_dates_invalid`, as a quote would
 * be), and one priced from a published version since replaced is refused with
 * 409 `catalogue_changed`. A closure or a publish under way waits for these
 * enrolments to commit (and then sees them: in use), or they wait for it.
 */
export async function holdCataloguesFor(db: Db, store: PricingStore, rows: readonly Pick<NewEnrolmentRow, 'catalogue_id' | 'accepted_on' | 'created_at'>[]): Promise<void> {
  if (rows.length === 0) return
  const held = await shareCatalogueRows(db, rows.map((r) => r.catalogue_id), rows[0]!.created_at)
  for (const row of held) {
    const priced = store.record?.(row.id)?.row?.published_version ?? null
    if (store.record && row.published_version !== priced) throw new AppError(409, 'catalogue_changed', { params: { id: row.id } })
    if (row.closed_on === null) continue
    const late = rows.some((r) => r.catalogue_id === row.id && r.accepted_on >= row.closed_on!)
    if (!late) continue
    const closed = violation('enrolment_closed', null, { date: addDays(row.closed_on as CivilDate, -1) })
    throw new AppError(422, 'enrolment_dates_invalid', { params: { reason: closed.message }, details: [{ rule: closed.rule, product: closed.product, message: closed.message }] })
  }
}
