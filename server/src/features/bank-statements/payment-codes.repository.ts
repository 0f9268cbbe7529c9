import { sql } from 'kysely'
import type { Db } from '../../db/open'
import { chunks } from '../enrolments/insured-persons.repository'
import type { EnrolmentRow } from '../enrolments/enrolments.table'
import type { NewPaymentCodeRow, PaymentCodeRow } from './payment-codes.table'

/** Inserts codes; one already taken is skipped. Returns the codes written. */
export async function insertFreeCodes(db: Db, rows: readonly NewPaymentCodeRow[]): Promise<Set<string>> {
  const written = new Set<string>()
  for (const part of chunks(rows, 400)) {
    const done = await db.insertInto('payment_codes').values(part).onConflict((oc) => oc.column('code').doNothing()).returning('code').execute()
    for (const row of done) written.add(row.code)
  }
  return written
}

export async function findCodes(db: Db, codes: readonly string[]): Promise<PaymentCodeRow[]> {
  if (codes.length === 0) return []
  return db.selectFrom('payment_codes').selectAll().where('code', 'in', codes).execute()
}

/** The code of each of these enrolments: its own, or its roster's. */
export async function codesOfEnrolments(db: Db, rows: readonly Pick<EnrolmentRow, 'id' | 'roster_id'>[]): Promise<Map<string, string>> {
  const byEnrolment = new Map<string, string>()
  const byRoster = new Map<string, string>()
  for (const part of chunks(rows.map((r) => r.id))) {
    for (const c of await db.selectFrom('payment_codes').select(['code', 'enrolment_id']).where('enrolment_id', 'in', part).execute()) byEnrolment.set(c.enrolment_id!, c.code)
  }
  const rosterIds = [...new Set(rows.map((r) => r.roster_id).filter((id): id is string => id !== null))]
  for (const part of chunks(rosterIds)) {
    for (const c of await db.selectFrom('payment_codes').select(['code', 'roster_id']).where('roster_id', 'in', part).execute()) byRoster.set(c.roster_id!, c.code)
  }
  const codes = new Map<string, string>()
  for (const row of rows) {
    const code = byEnrolment.get(row.id) ?? (row.roster_id === null ? undefined : byRoster.get(row.roster_id))
    if (code !== undefined) codes.set(row.id, code)
  }
  return codes
}

/** What a code's enrolments are now, to decide whether a transfer can pay them. */
export type CodeEnrolment = Pick<EnrolmentRow, 'id' | 'status' | 'catalogue_id' | 'mode' | 'products' | 'premium_fen' | 'payment_id' | 'unit_id' | 'cancel_reason'>

export function enrolmentsOfCode(db: Db, code: Pick<PaymentCodeRow, 'enrolment_id' | 'roster_id'>): Promise<CodeEnrolment[]> {
  const query = db.selectFrom('enrolments').select(['id', 'status', 'catalogue_id', 'mode', 'products', 'premium_fen', 'payment_id', 'unit_id', 'cancel_reason'])
  return code.roster_id !== null ? query.where('roster_id', '=', code.roster_id).execute() : query.where('id', '=', code.enrolment_id!).execute()
}

/** A code with pending enrolments, and whose they are. */
export interface OpenCode {
  code: string
  roster_id: string | null
  catalogue_id: string
  unit_id: string | null
  unit_name: string | null
  /** The insured person, for an enrolment's own code. */
  person_name: string | null
  created_at: string
  enrolment_count: number
  amount_fen: number
}

/**
 * Every code with pending enrolments: rosters paid as a whole (their pending
 * premiums added up) and enrolments paid on their own. The status is written as
 * the literal of the partial index `enrolments_pending`, so only pending
 * enrolments are walked. `unitId`: that unit's only.
 */
export async function openCodes(db: Db, unitId?: string): Promise<OpenCode[]> {
  const pending = sql<boolean>`enrolments.status = 'pending_payment'`
  let rosters = db.selectFrom('enrolments')
    .innerJoin('payment_codes', 'payment_codes.roster_id', 'enrolments.roster_id')
    .leftJoin('units', 'units.id', 'enrolments.unit_id')
    .select((eb) => [
      'payment_codes.code', 'payment_codes.roster_id', 'payment_codes.created_at', 'enrolments.catalogue_id', 'enrolments.unit_id', 'units.name as unit_name',
      sql<string | null>`null`.as('person_name'), eb.fn.countAll<number>().as('enrolment_count'), eb.fn.sum<number>('enrolments.premium_fen').as('amount_fen'),
    ])
    .where(pending)
    .groupBy(['payment_codes.code', 'enrolments.catalogue_id', 'enrolments.unit_id', 'units.name'])
  let singles = db.selectFrom('enrolments')
    .innerJoin('payment_codes', 'payment_codes.enrolment_id', 'enrolments.id')
    .innerJoin('insured_persons', 'insured_persons.id', 'enrolments.insured_person_id')
    .leftJoin('units', 'units.id', 'enrolments.unit_id')
    .select([
      'payment_codes.code', 'payment_codes.roster_id', 'payment_codes.created_at', 'enrolments.catalogue_id', 'enrolments.unit_id', 'units.name as unit_name',
      'insured_persons.name as person_name', sql<number>`1`.as('enrolment_count'), 'enrolments.premium_fen as amount_fen',
    ])
    .where(pending)
  if (unitId !== undefined) {
    rosters = rosters.where('enrolments.unit_id', '=', unitId)
    singles = singles.where('enrolments.unit_id', '=', unitId)
  }
  const rows = [...(await rosters.execute()), ...(await singles.execute())]
  return rows.map((r) => ({ ...r, enrolment_count: Number(r.enrolment_count), amount_fen: Number(r.amount_fen) }))
}
