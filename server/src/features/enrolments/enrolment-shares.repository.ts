import { catalogueContributions, fundingShares, type FundingContributions, type FundingPayer, type FundingSource } from '@huzhu/shared'
import type { Db } from '../../db/open'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import type { EnrolmentShareRow } from './enrolment-shares.table'
import type { NewEnrolmentRow } from './enrolments.table'
import { chunks } from './insured-persons.repository'

/** Of these insured persons, those flagged as hardship workers (困难职工): by their ID number's keyed hash. */
export async function hardshipPersonIds(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (const part of chunks([...new Set(personIds)])) {
    const rows = await db.selectFrom('insured_persons as p').innerJoin('hardship_workers as h', 'h.id_number_hash', 'p.id_number_hash')
      .select('p.id').where('p.id', 'in', part).execute()
    for (const r of rows) found.add(r.id)
  }
  return found
}

/**
 * Writes each new enrolment's shares (`fundingShares`: union first, then the
 * unit, then the member; a hardship worker's part paid by the union), owed.
 * `split` is what the union and the unit give under a unit's split; without
 * one, the enrolment's catalogue's default split (its funding order) applies.
 */
export async function insertSharesOf(db: Db, rows: readonly NewEnrolmentRow[], split: FundingContributions | null, catalogues: Pick<CatalogueStore, 'get'>): Promise<void> {
  const hardship = await hardshipPersonIds(db, rows.map((r) => r.insured_person_id))
  const byCatalogue = (r: NewEnrolmentRow) => catalogueContributions(catalogues.get(r.catalogue_id)?.data.funding, r.unit_id !== null)
  const shares = rows.flatMap((r) => fundingShares(r.premium_fen, r.funding_source as FundingSource, split, hardship.has(r.insured_person_id), byCatalogue(r))
    .map((s) => ({ enrolment_id: r.id, payer: s.payer, amount_fen: s.amountFen, payment_id: null, paid_at: null })))
  for (const part of chunks(shares)) await db.insertInto('enrolment_shares').values(part).execute()
}

/** The shares of these enrolments, by enrolment, in the funding order. */
export async function sharesOf(db: Db, enrolmentIds: readonly string[]): Promise<Map<string, EnrolmentShareRow[]>> {
  const order: Record<string, number> = { union: 0, unit: 1, member: 2 }
  const found = new Map<string, EnrolmentShareRow[]>()
  for (const part of chunks([...new Set(enrolmentIds)])) {
    for (const row of await db.selectFrom('enrolment_shares').selectAll().where('enrolment_id', 'in', part).execute()) {
      const list = found.get(row.enrolment_id) ?? []
      list.push(row)
      found.set(row.enrolment_id, list)
    }
  }
  for (const list of found.values()) list.sort((a, b) => order[a.payer]! - order[b.payer]!)
  return found
}

/** The owed shares of these enrolments (of one payer, or of every payer). */
export async function owedShares(db: Db, enrolmentIds: readonly string[], payer: FundingPayer | null): Promise<EnrolmentShareRow[]> {
  const rows: EnrolmentShareRow[] = []
  for (const part of chunks([...new Set(enrolmentIds)])) {
    let q = db.selectFrom('enrolment_shares').selectAll().where('enrolment_id', 'in', part).where('payment_id', 'is', null)
    if (payer !== null) q = q.where('payer', '=', payer)
    rows.push(...(await q.orderBy('enrolment_id').execute()))
  }
  return rows
}

/**
 * Marks the owed shares of these enrolments (of one payer, or all) received by
 * a payment: what the update changed, so a share paid meanwhile is not paid
 * twice. The caller holds the enrolments' row locks.
 */
export async function markSharesPaid(db: Db, enrolmentIds: readonly string[], payer: FundingPayer | null, paymentId: string, at: string): Promise<{ enrolment_id: string; amount_fen: number }[]> {
  const paid: { enrolment_id: string; amount_fen: number }[] = []
  for (const part of chunks([...new Set(enrolmentIds)])) {
    let q = db.updateTable('enrolment_shares').set({ payment_id: paymentId, paid_at: at }).where('enrolment_id', 'in', part).where('payment_id', 'is', null)
    if (payer !== null) q = q.where('payer', '=', payer)
    paid.push(...(await q.returning(['enrolment_id', 'amount_fen']).execute()))
  }
  return paid
}

/** Of these enrolments, those with no share left to pay. */
export async function fullyPaid(db: Db, enrolmentIds: readonly string[]): Promise<string[]> {
  const owing = new Set((await owedShares(db, enrolmentIds, null)).map((s) => s.enrolment_id))
  return [...new Set(enrolmentIds)].filter((id) => !owing.has(id))
}
