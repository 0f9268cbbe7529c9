import type { FundingContributions } from '@huzhu/shared'
import type { Db } from '../../db/open'
import { holdCataloguesFor, type PricingStore } from './catalogue-hold'
import { insertSharesOf, sharesOf } from './enrolment-shares.repository'
import type { EnrolmentShareRow } from './enrolment-shares.table'
import { newestFirst } from '../../db/paging'
import { codesOfEnrolments } from '../bank-statements/payment-codes.repository'
import type { PaymentRow } from '../payments/payments.table'
import { findUnitNames } from '../units/units.repository'
import type { UnitRow } from '../units/units.table'
import type { EnrolmentRow, NewEnrolmentRow } from './enrolments.table'
import { chunks, findPersonsByIds } from './insured-persons.repository'
import type { InsuredPersonRow } from './insured-persons.table'
import { liveRenewalIds } from './renewals.repository'

/** Statuses that hold cover (or will, once paid): a person may have one of these per catalogue and period. */
export const LIVE_STATUSES = ['pending_payment', 'active'] as const

export function findEnrolment(db: Db, id: string): Promise<EnrolmentRow | undefined> {
  return db.selectFrom('enrolments').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Writes new enrolments with their shares of the premium (`insertSharesOf`;
 * `split`: what the union and the unit give under a unit's split; without
 * one, the catalogue's default split from `catalogues`).
 * 21 columns × 400 rows per statement stays under SQLite's parameter limit.
 */
export async function insertEnrolments(db: Db, rows: readonly NewEnrolmentRow[], split: FundingContributions | null, catalogues: PricingStore): Promise<void> {
  // Their catalogues held first (a closure or a new version waits, or is seen): refused here if one is closed or replaced.
  await holdCataloguesFor(db, catalogues, rows)
  for (const part of chunks(rows, 400)) await db.insertInto('enrolments').values(part).execute()
  await insertSharesOf(db, rows, split, catalogues)
}

/** Live enrolments of a person in a catalogue whose cover overlaps [start, end]. */
export function findOverlapping(db: Db, personId: string, catalogueId: string, start: string, end: string): Promise<EnrolmentRow[]> {
  return db.selectFrom('enrolments').selectAll()
    .where('insured_person_id', '=', personId).where('catalogue_id', '=', catalogueId)
    .where('status', 'in', LIVE_STATUSES).where('start_on', '<=', end).where('end_on', '>=', start)
    .orderBy('id')
    .execute()
}

/** The same for many persons at once: person id → one overlapping enrolment (none that `mayOverlap` lets stand beside the new one). */
export async function findOverlappingMany(
  db: Db, personIds: readonly string[], catalogueId: string, start: string, end: string, mayOverlap: (held: EnrolmentRow) => boolean = () => false,
): Promise<Map<string, EnrolmentRow>> {
  const found = new Map<string, EnrolmentRow>()
  for (const part of chunks(personIds)) {
    const rows = await db.selectFrom('enrolments').selectAll()
      .where('insured_person_id', 'in', part).where('catalogue_id', '=', catalogueId)
      .where('status', 'in', LIVE_STATUSES).where('start_on', '<=', end).where('end_on', '>=', start)
      .execute()
    for (const row of rows) if (!mayOverlap(row)) found.set(row.insured_person_id, row)
  }
  return found
}

export interface EnrolmentFilter {
  unitId?: string
  catalogueId?: string
  eventId?: string
  status?: string
  personIds?: readonly string[]
  /** Enrolments with an id before this one (ids sort by creation time): the next page. */
  before?: string
  limit: number
}

/** Newest first. */
export function listEnrolmentRows(db: Db, f: EnrolmentFilter): Promise<EnrolmentRow[]> {
  let q = newestFirst(db.selectFrom('enrolments').selectAll(), f.before, f.limit)
  if (f.unitId !== undefined) q = q.where('unit_id', '=', f.unitId)
  if (f.catalogueId !== undefined) q = q.where('catalogue_id', '=', f.catalogueId)
  if (f.eventId !== undefined) q = q.where('event_id', '=', f.eventId)
  if (f.status !== undefined) q = q.where('status', '=', f.status)
  if (f.personIds !== undefined) q = q.where('insured_person_id', 'in', f.personIds)
  return q.execute()
}

export async function setEnrolmentCancelled(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('enrolments').set({ status: 'cancelled', cancel_reason: 'staff', cancelled_at: at, updated_at: at })
    .where('id', '=', id).where('status', '!=', 'cancelled').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** An enrolment with what its response shows beside it: the person, the unit, the payment. */
export interface EnrolmentView {
  row: EnrolmentRow
  person: InsuredPersonRow
  unit: Pick<UnitRow, 'id' | 'name'> | null
  payment: Pick<PaymentRow, 'id' | 'reference' | 'confirmed_at'> | null
  /** The payment code a transfer for it carries: its own, or its roster's. */
  paymentCode: string | null
  /** Its live renewal (续保), if one was made. */
  renewalId: string | null
  /** Who pays how much of the premium, and what is paid. */
  shares: EnrolmentShareRow[]
}

/** Loads persons, units, payments and payment codes of the rows, a few queries for all. */
export async function loadViews(db: Db, rows: readonly EnrolmentRow[]): Promise<EnrolmentView[]> {
  if (rows.length === 0) return []
  const persons = new Map((await findPersonsByIds(db, rows.map((r) => r.insured_person_id))).map((p) => [p.id, p]))
  const unitIds = rows.map((r) => r.unit_id).filter((id): id is string => id !== null)
  const paymentIds = [...new Set(rows.map((r) => r.payment_id).filter((id): id is string => id !== null))]
  const unitNames = await findUnitNames(db, unitIds)
  const payments = new Map<string, Pick<PaymentRow, 'id' | 'reference' | 'confirmed_at'>>()
  for (const part of chunks(paymentIds)) {
    for (const p of await db.selectFrom('payments').select(['id', 'reference', 'confirmed_at']).where('id', 'in', part).execute()) payments.set(p.id, p)
  }
  const codes = await codesOfEnrolments(db, rows)
  const renewals = await liveRenewalIds(db, rows.filter((r) => r.status === 'active').map((r) => r.id))
  const shares = await sharesOf(db, rows.map((r) => r.id))
  return rows.map((row) => ({
    row,
    person: persons.get(row.insured_person_id)!,
    unit: row.unit_id === null || !unitNames.has(row.unit_id) ? null : { id: row.unit_id, name: unitNames.get(row.unit_id)! },
    payment: row.payment_id === null ? null : payments.get(row.payment_id) ?? null,
    paymentCode: codes.get(row.id) ?? null,
    renewalId: renewals.get(row.id) ?? null,
    shares: shares.get(row.id) ?? [],
  }))
}
