import { sql } from 'kysely'
import type { Db } from '../../db/open'
import { holdCataloguesFor, type PricingStore } from './catalogue-hold'
import { insertSharesOf } from './enrolment-shares.repository'
import type { EnrolmentRow, NewEnrolmentRow } from './enrolments.table'
import { chunks } from './insured-persons.repository'

/** The live (pending or paid) renewal of an enrolment, if any. */
export function findLiveRenewal(db: Db, enrolmentId: string): Promise<EnrolmentRow | undefined> {
  return db.selectFrom('enrolments').selectAll().where('renews_enrolment_id', '=', enrolmentId).where('status', '<>', 'cancelled').executeTakeFirst()
}

/** Enrolment id → the id of its live renewal, for those that have one. */
export async function liveRenewalIds(db: Db, enrolmentIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const part of chunks(enrolmentIds)) {
    const rows = await db.selectFrom('enrolments').select(['id', 'renews_enrolment_id'])
      .where('renews_enrolment_id', 'in', part).where('status', '<>', 'cancelled').execute()
    for (const row of rows) found.set(row.renews_enrolment_id!, row.id)
  }
  return found
}

/**
 * Writes a renewal unless its enrolment already has a live one: the unique
 * partial index `enrolments_renewal_once` decides, not a read before the write,
 * so two requests at once make one renewal. True when this one was written.
 */
export async function insertRenewal(db: Db, row: NewEnrolmentRow, catalogues: PricingStore): Promise<boolean> {
  // Its catalogue held first, as for every new enrolment (insertEnrolments): refused here if closed or replaced meanwhile.
  await holdCataloguesFor(db, catalogues, [row])
  const result = await db.insertInto('enrolments').values(row)
    .onConflict((oc) => oc.column('renews_enrolment_id').where(sql.ref('status'), '<>', sql.lit('cancelled')).doNothing())
    .executeTakeFirst()
  const written = Number(result.numInsertedOrUpdatedRows ?? 0n) === 1
  // Its shares of the premium (the member's after the catalogue's default split; the union's for a hardship worker).
  if (written) await insertSharesOf(db, [row], null, catalogues)
  return written
}
