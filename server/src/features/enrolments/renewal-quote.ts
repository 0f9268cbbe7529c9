import {
  quoteRenewal, renewalCatalogue, toSelection, type Catalogue, type CivilDate, type EnrolmentMode, type HeldCover, type RenewalQuote, type RuleResult,
} from '@huzhu/shared'
import type { Db } from '../../db/open'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import type { EnrolmentRow, EnrolmentUpdate } from './enrolments.table'
import { chunks } from './insured-persons.repository'

/** What the engine needs of the enrolment a renewal continues. */
export type HeldRow = Pick<EnrolmentRow, 'id' | 'catalogue_id' | 'products' | 'start_on' | 'end_on' | 'cover_from'>

export function heldCoverOf(row: HeldRow): HeldCover {
  return {
    catalogueId: row.catalogue_id,
    selection: toSelection(JSON.parse(row.products) as string[]),
    start: row.start_on,
    end: row.end_on,
    coverFrom: JSON.parse(row.cover_from) as Record<string, CivilDate>,
  }
}

/** The enrolments renewals continue, by id. */
export async function findHeldRows(db: Db, ids: readonly string[]): Promise<Map<string, HeldRow>> {
  const found = new Map<string, HeldRow>()
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('enrolments').select(['id', 'catalogue_id', 'products', 'start_on', 'end_on', 'cover_from']).where('id', 'in', part).execute()
    for (const row of rows) found.set(row.id, row)
  }
  return found
}

/**
 * A renewal of `held` into `row`'s catalogue and selection, accepted on
 * `acceptedOn` in `row`'s mode; a collective one the catalogue no longer takes
 * that day is dated as an instant one (as any unit enrolment is).
 */
export function renewalQuoteOf(
  row: Pick<EnrolmentRow, 'catalogue_id' | 'mode' | 'products'>, held: HeldRow, catalogues: CatalogueStore, acceptedOn: CivilDate,
): RuleResult<RenewalQuote> | undefined {
  const from = catalogues.get(held.catalogue_id)
  const into = catalogues.get(row.catalogue_id)
  if (!from || !into) return undefined
  const request = { held: heldCoverOf(held), selection: toSelection(JSON.parse(row.products) as string[]), acceptedOn }
  const priced = (mode: EnrolmentMode) => quoteRenewal(from, into, { ...request, mode })
  const result = priced(row.mode as EnrolmentMode)
  return !result.ok && row.mode === 'collective' ? priced('instant') : result
}

/**
 * DOMAIN.md, "Renewal" and "Payment and the start of cover": a renewal paid by
 * the last day of the cover it continues keeps its start, the day after that
 * cover ends (never before the payment, which came earlier), and the held
 * categories wait no more; paid later, there was a gap, and it is dated as a new
 * enrolment accepted on the paid day, every category waiting. Undefined when its
 * catalogue can no longer date it.
 */
export function renewalDatesOnPayment(
  row: Pick<EnrolmentRow, 'catalogue_id' | 'mode' | 'products'>, held: HeldRow, catalogues: CatalogueStore, paidOn: CivilDate,
): EnrolmentUpdate | undefined {
  const result = renewalQuoteOf(row, held, catalogues, paidOn)
  if (!result?.ok) return undefined
  const q = result.value
  return { mode: q.mode, accepted_on: q.acceptedOn, start_on: q.start, end_on: q.end, cover_from: JSON.stringify(q.coverFrom) }
}

/** A member renews their own cover as their own application: instant mode (DOMAIN.md, "Dates"). */
export const MEMBER_RENEWAL_MODE: EnrolmentMode = 'instant'

/**
 * What renewing `held` today gives a member: the catalogue it renews into (its
 * successor, or the same) and the engine's renewal quote, or the rules that
 * refuse it; undefined when the held cover's catalogue is no longer loaded.
 */
export function memberRenewalQuote(held: HeldRow, catalogues: CatalogueStore, today: CivilDate): RuleResult<{ into: Catalogue; quote: RenewalQuote }> | undefined {
  const from = catalogues.get(held.catalogue_id)
  if (!from) return undefined
  const into = renewalCatalogue(from, (id) => catalogues.get(id))
  if (!into.ok) return into
  const q = quoteRenewal(from, into.value, { held: heldCoverOf(held), mode: MEMBER_RENEWAL_MODE, acceptedOn: today })
  return q.ok ? { ok: true, value: { into: into.value, quote: q.value } } : q
}
