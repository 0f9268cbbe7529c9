import { describeSelection, isRenewalOpen, mayOverlap, toCodes, type Catalogue, type CivilDate, type EnrolmentMode, type Quote, type RuleResult, type RuleViolation, type SelectedProduct } from '@huzhu/shared'
import type { Db } from '../../db/open'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { findOverlappingMany } from '../enrolments/enrolments.repository'
import type { EnrolmentRow } from '../enrolments/enrolments.table'
import { chunks } from '../enrolments/insured-persons.repository'
import { renewalQuoteOf, type HeldRow } from '../enrolments/renewal-quote'

/**
 * Units renew by roster (DOMAIN.md, "Renewal"): next year's roster starts from
 * this year's. A row whose person holds an active cover in the roster's
 * catalogue, or in a catalogue it succeeds, whose renewal window is open on the
 * acceptance day, renews that cover: it starts the day after the cover ends, the
 * held categories without new waiting (`quoteRenewal`), and is not an overlap
 * of it. Every other row is a new enrolment on the roster's dates. The roster
 * check and the import price rows alike through `RosterPricing`.
 */

/** The catalogues whose covers renew into `into`: itself, and those naming it as their successor. */
export function renewingCatalogueIds(into: Catalogue, catalogues: CatalogueStore): string[] {
  return [into.id, ...catalogues.list().filter((c) => c.id !== into.id && c.data.successor === into.id).map((c) => c.id)]
}

/** Person id → the active cover a roster row of theirs accepted on `acceptedOn` renews (the latest ending, when several). */
export async function renewableCovers(db: Db, catalogues: CatalogueStore, into: Catalogue, personIds: readonly string[], acceptedOn: CivilDate): Promise<Map<string, HeldRow>> {
  const found = new Map<string, HeldRow & { insured_person_id: string }>()
  const catalogueIds = renewingCatalogueIds(into, catalogues)
  for (const part of chunks(personIds)) {
    const rows = await db.selectFrom('enrolments').select(['id', 'insured_person_id', 'catalogue_id', 'products', 'start_on', 'end_on', 'cover_from'])
      .where('insured_person_id', 'in', part).where('catalogue_id', 'in', catalogueIds).where('status', '=', 'active').where('end_on', '>=', acceptedOn)
      .execute()
    for (const row of rows) {
      const from = catalogues.get(row.catalogue_id)
      if (!from || !isRenewalOpen(from, row.end_on, acceptedOn)) continue
      const other = found.get(row.insured_person_id)
      if (!other || other.end_on < row.end_on) found.set(row.insured_person_id, row)
    }
  }
  return found
}

/** A row's enrolment as priced: the quote, and the cover it renews (null for a new enrolment). */
export type PricedRow = { ok: true; quote: Quote; renews: string | null } | { ok: false; violations: RuleViolation[] }

/**
 * Prices roster rows: a new enrolment by `price` (the roster's mode and day), a
 * renewal by the engine's renewal quote. Quotes are kept per selection (and held
 * cover dates), so a roster of one selection is priced a few times, not per row.
 */
export class RosterPricing {
  readonly #cache = new Map<string, PricedRow>()

  constructor(
    private readonly catalogue: Catalogue,
    private readonly catalogues: CatalogueStore,
    private readonly mode: EnrolmentMode,
    private readonly acceptedOn: CivilDate,
    private readonly price: (selection: readonly SelectedProduct[]) => RuleResult<Quote>,
  ) {}

  row(selection: readonly SelectedProduct[], held: HeldRow | undefined): PricedRow {
    const key = held
      ? `${describeSelection(selection)}|${held.catalogue_id}|${held.products}|${held.start_on}|${held.end_on}|${held.cover_from}`
      : describeSelection(selection)
    let priced = this.#cache.get(key)
    if (priced) return priced.ok && priced.renews !== null && held ? { ...priced, renews: held.id } : priced
    const row = { catalogue_id: this.catalogue.id, mode: this.mode, products: JSON.stringify(toCodes(selection)) }
    // A held cover whose catalogue is no longer loaded cannot be continued: the row is priced as a new enrolment.
    const renewal = held ? renewalQuoteOf(row, held, this.catalogues, this.acceptedOn) : undefined
    if (renewal) {
      priced = renewal.ok ? { ok: true, quote: renewal.value, renews: held!.id } : { ok: false, violations: renewal.violations }
    } else {
      const q = this.price(selection)
      priced = q.ok ? { ok: true, quote: q.value, renews: null } : { ok: false, violations: q.violations }
    }
    this.#cache.set(key, priced)
    return priced
  }
}

/**
 * Person id → a live enrolment in the catalogue overlapping that person's planned
 * cover (planned periods may differ row by row); none held through another unit
 * when the catalogue lets a person be enrolled through two units at once (`mayOverlap`).
 */
export async function overlapsOfPlanned(
  db: Db, catalogueId: string, planned: ReadonlyMap<string, { start: CivilDate; end: CivilDate }>, through?: { catalogue: Catalogue; unitId: string | null },
): Promise<Map<string, EnrolmentRow>> {
  const excused = (held: EnrolmentRow) => through !== undefined && mayOverlap(through.catalogue, { unitId: through.unitId }, { unitId: held.unit_id })
  const byPeriod = new Map<string, string[]>()
  for (const [personId, { start, end }] of planned) {
    const key = `${start}|${end}`
    const list = byPeriod.get(key) ?? []
    list.push(personId)
    byPeriod.set(key, list)
  }
  const found = new Map<string, EnrolmentRow>()
  for (const [key, personIds] of byPeriod) {
    const [start, end] = key.split('|') as [string, string]
    for (const [personId, row] of await findOverlappingMany(db, personIds, catalogueId, start, end, excused)) found.set(personId, row)
  }
  return found
}
