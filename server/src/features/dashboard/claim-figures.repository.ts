import { sql } from 'kysely'
import { payingClaimStatuses } from '@huzhu/shared'
import type { Db } from '../../db/open'
import { allOf, claimConditions, type Population } from './population'

/**
 * The claim figures, one aggregate query each over the claims of the
 * population. Paid amounts are the approved amounts of `paid` claims.
 */

const num = (value: string | number | bigint | null | undefined) => Number(value ?? 0)
/** The claims of the population: read alone (a claim carries its enrolment's unit and cover start), from the index `claims_dashboard`. */
const claims = (db: Db, p: Population) => db.selectFrom('claims as c').where(allOf(claimConditions(p)))
const paid = (db: Db, p: Population) => claims(db, p).where('c.status', '=', 'paid')

export async function claimsByStatus(db: Db, p: Population): Promise<{ status: string; claims: number; estimateFen: number; approvedFen: number }[]> {
  const rows = await claims(db, p)
    .select((eb) => ['c.status', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('c.estimate_fen').as('est'), sql<number>`sum(coalesce(c.approved_fen, 0))`.as('appr')])
    .groupBy('c.status').execute()
  return rows.map((r) => ({ status: r.status, claims: num(r.n), estimateFen: num(r.est), approvedFen: num(r.appr) }))
}

export async function claimsByKind(db: Db, p: Population): Promise<{ kind: string; claims: number; paidClaims: number; paidFen: number }[]> {
  const rows = await claims(db, p)
    .select((eb) => ['c.kind', eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when c.status = 'paid' then 1 else 0 end)`.as('pn'),
      sql<number>`sum(case when c.status = 'paid' then c.approved_fen else 0 end)`.as('pf')])
    .groupBy('c.kind').execute()
  return rows.map((r) => ({ kind: r.kind, claims: num(r.n), paidClaims: num(r.pn), paidFen: num(r.pf) }))
}

/** Paid claims by working days to pay (a small integer: the histogram the median and percentiles are read from). */
export async function paidByWorkingDays(db: Db, p: Population): Promise<{ workingDays: number | null; claims: number }[]> {
  const rows = await paid(db, p).select((eb) => ['c.paid_working_days', eb.fn.countAll<number>().as('n')]).groupBy('c.paid_working_days').execute()
  return rows.map((r) => ({ workingDays: r.paid_working_days === null ? null : num(r.paid_working_days), claims: num(r.n) }))
}

export async function paidByCatalogue(db: Db, p: Population): Promise<{ catalogueId: string; claims: number; fen: number }[]> {
  const rows = await paid(db, p).select((eb) => ['c.catalogue_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('c.approved_fen').as('fen')]).groupBy('c.catalogue_id').execute()
  return rows.map((r) => ({ catalogueId: r.catalogue_id, claims: num(r.n), fen: num(r.fen) }))
}

export async function paidByUnit(db: Db, p: Population): Promise<{ unitId: string | null; claims: number; fen: number }[]> {
  const rows = await paid(db, p).select((eb) => ['c.unit_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('c.approved_fen').as('fen')]).groupBy('c.unit_id').execute()
  return rows.map((r) => ({ unitId: r.unit_id, claims: num(r.n), fen: num(r.fen) }))
}

/** Approved claims (approved, at the bank or paid) and those the engine approved alone (no person decided: `decided_by` null). */
export async function straightThroughCounts(db: Db, p: Population): Promise<{ approved: number; straightThrough: number }> {
  const row = await claims(db, p).where('c.status', 'in', [...payingClaimStatuses])
    .select((eb) => [eb.fn.countAll<number>().as('n'), sql<number>`sum(case when c.decided_by is null then 1 else 0 end)`.as('st')]).executeTakeFirst()
  return { approved: num(row?.n), straightThrough: num(row?.st) }
}
