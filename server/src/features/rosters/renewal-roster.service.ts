import { addDays, DEFAULT_RENEWAL_WINDOW_DAYS, renewalCatalogue, type Catalogue, type CivilDate, type RosterCell, type UnitRenewal } from '@huzhu/shared'
import { sql } from 'kysely'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { findPersonsByIds } from '../enrolments/insured-persons.repository'
import { rosterCellsOf } from './roster-export.service'

const PAGE = 1_000

/** The last day of cover a renewal window open on `today` may end on: `today` + the catalogue's window. */
export function lastEndRenewableOn(catalogue: Catalogue, today: CivilDate): CivilDate {
  return addDays(today, catalogue.data.renewalWindowDays ?? DEFAULT_RENEWAL_WINDOW_DAYS)
}

/** The unit's active enrolments in `catalogueId` renewable today and not renewed yet (no live renewal). */
function renewableQuery(db: Db, unitId: string, catalogue: Catalogue, today: CivilDate) {
  return db.selectFrom('enrolments as e')
    .where('e.unit_id', '=', unitId).where('e.catalogue_id', '=', catalogue.id).where('e.status', '=', 'active')
    .where('e.end_on', '>=', today).where('e.end_on', '<=', lastEndRenewableOn(catalogue, today))
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('enrolments as r').select(sql.lit(1).as('one'))
        .whereRef('r.renews_enrolment_id', '=', 'e.id').where('r.status', '<>', sql.lit('cancelled')),
    )))
}

/**
 * Per catalogue the unit enrols in, its covers whose renewal window is open
 * today and that are not renewed yet (DOMAIN.md: units renew by roster), and the
 * catalogue they renew into.
 */
export async function unitRenewals(db: Db, catalogues: CatalogueStore, unitId: string, today: CivilDate): Promise<UnitRenewal[]> {
  const used = await db.selectFrom('enrolments').select('catalogue_id').distinct()
    .where('unit_id', '=', unitId).where('status', '=', 'active').where('end_on', '>=', today).execute()
  const found: UnitRenewal[] = []
  for (const { catalogue_id } of used) {
    const catalogue = catalogues.get(catalogue_id)
    if (!catalogue) continue
    const counted = await renewableQuery(db, unitId, catalogue, today)
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('e.end_on').as('first'), eb.fn.max('e.end_on').as('last')])
      .executeTakeFirstOrThrow()
    if (Number(counted.n) === 0) continue
    const into = renewalCatalogue(catalogue, (id) => catalogues.get(id))
    found.push({
      catalogueId: catalogue.id, catalogueName: catalogue.data.name,
      intoCatalogueId: into.ok ? into.value.id : null, intoCatalogueName: into.ok ? into.value.data.name : null,
      endingCount: Number(counted.n), firstEnd: String(counted.first), lastEnd: String(counted.last),
    })
  }
  return found
}

/**
 * Next year's roster, prefilled from this year's (DOMAIN.md "Renewal"): one row
 * per cover of the unit in `catalogue` renewable today and not renewed yet, in
 * the layout the roster upload reads, ID numbers and mobiles in full (the upload
 * needs them; the route audits the reading). The unit admin deletes the leavers'
 * rows, adds the new hires and uploads it for the catalogue it renews into.
 */
export async function* renewalRosterRows(db: Db, protector: DataProtector, unitId: string, catalogue: Catalogue, today: CivilDate): AsyncGenerator<RosterCell[]> {
  let after = ''
  let seq = 0
  for (;;) {
    const rows = await renewableQuery(db, unitId, catalogue, today).select(['e.id', 'e.insured_person_id', 'e.products'])
      .where('e.id', '>', after).orderBy('e.id').limit(PAGE).execute()
    if (rows.length === 0) return
    const persons = new Map((await findPersonsByIds(db, rows.map((r) => r.insured_person_id))).map((p) => [p.id, p]))
    for (const r of rows) yield rosterCellsOf(++seq, persons.get(r.insured_person_id)!, r.products, protector, true)
    after = rows[rows.length - 1]!.id
  }
}
