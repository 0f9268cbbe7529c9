import { sql, type RawBuilder } from 'kysely'
import type { CivilDate } from '@huzhu/shared'
import type { Db } from '../../db/open'

/**
 * The ledger's aggregates, one query each, every sum and count made by the
 * database (GROUP BY), in SQL that SQLite and PostgreSQL both run: no date
 * functions. An instant is ISO-8601 UTC text, so its China date is found by
 * comparing it with each day's first instant, computed in code (`LedgerDays`).
 */

/** The days of a range and the instant each begins (00:00 China time, as stored: ISO UTC text). */
export interface LedgerDays {
  days: readonly { day: CivilDate; startsAt: string }[]
  /** The first instant after the range. */
  endsAt: string
}

/**
 * The China date of an instant column, for instants within the range: a CASE
 * that halves the days at each step, so a row costs about log2(days)
 * comparisons however long the range.
 */
function chinaDayOf(column: string, days: LedgerDays['days']): RawBuilder<string> {
  if (days.length === 1) return sql<string>`cast(${days[0]!.day} as text)`
  const mid = days.length >> 1
  return sql<string>`case when ${sql.ref(column)} < ${days[mid]!.startsAt} then ${chinaDayOf(column, days.slice(0, mid))} else ${chinaDayOf(column, days.slice(mid))} end`
}

const num = (value: string | number | bigint | null) => Number(value ?? 0)

export interface PaymentSum {
  day: CivilDate
  catalogueId: string
  channel: string
  fen: number
}

/** The payments recorded in the range: their sum by day, catalogue and channel (what the payment records say). */
export async function paymentSums(db: Db, range: LedgerDays, catalogueId: string | null): Promise<PaymentSum[]> {
  let inner = db.selectFrom('payments as p')
    .select([chinaDayOf('p.confirmed_at', range.days).as('day'), 'p.catalogue_id', 'p.channel', 'p.amount_fen'])
    .where('p.confirmed_at', '>=', range.days[0]!.startsAt).where('p.confirmed_at', '<', range.endsAt)
  if (catalogueId !== null) inner = inner.where('p.catalogue_id', '=', catalogueId)
  const rows = await db.selectFrom(inner.as('t'))
    .select((eb) => ['t.day', 't.catalogue_id', 't.channel', eb.fn.sum<number>('t.amount_fen').as('fen')])
    .groupBy(['t.day', 't.catalogue_id', 't.channel']).execute()
  return rows.map((r) => ({ day: r.day, catalogueId: r.catalogue_id, channel: r.channel, fen: num(r.fen) }))
}

export interface PremiumShare {
  day: CivilDate
  catalogueId: string
  payer: string
  fen: number
  enrolments: number
}

/**
 * The shares of premiums the range's payments received, by day, catalogue and
 * payer (union, unit, member: a split counts on each payer's line). `online`:
 * WeChat Pay payments, through their order's enrolments and the order's payer
 * (those received, and those refunded because they could no longer be);
 * otherwise every other channel, through the shares the payment received.
 */
export async function premiumShares(db: Db, range: LedgerDays, catalogueId: string | null, online: boolean): Promise<PremiumShare[]> {
  const base = db.selectFrom('payments as p')
    .where('p.confirmed_at', '>=', range.days[0]!.startsAt).where('p.confirmed_at', '<', range.endsAt)
    .where('p.channel', online ? '=' : '<>', 'wechat_pay')
  const filtered = catalogueId === null ? base : base.where('p.catalogue_id', '=', catalogueId)
  const day = chinaDayOf('p.confirmed_at', range.days).as('day')
  const inner = online
    ? filtered.innerJoin('payment_orders as o', 'o.payment_id', 'p.id')
      .innerJoin('payment_order_enrolments as l', 'l.order_id', 'o.id')
      .innerJoin('enrolment_shares as s', (join) => join.onRef('s.enrolment_id', '=', 'l.enrolment_id').onRef('s.payer', '=', 'o.payer'))
      .select([day, 'p.catalogue_id', 's.payer', 's.amount_fen'])
    : filtered.innerJoin('enrolment_shares as s', 's.payment_id', 'p.id')
      .select([day, 'p.catalogue_id', 's.payer', 's.amount_fen'])
  const rows = await db.selectFrom(inner.as('t'))
    .select((eb) => ['t.day', 't.catalogue_id', 't.payer', eb.fn.sum<number>('t.amount_fen').as('fen'), eb.fn.countAll<number>().as('n')])
    .groupBy(['t.day', 't.catalogue_id', 't.payer']).execute()
  return rows.map((r) => ({ day: r.day, catalogueId: r.catalogue_id, payer: r.payer, fen: num(r.fen), enrolments: num(r.n) }))
}

export interface RefundSum {
  day: CivilDate
  catalogueId: string
  payer: string | null
  fen: number
  count: number
}

/** Refunds WeChat Pay made in the range (`done_at`), by day, the order's catalogue and its payer (whose money went back). */
export async function refundSums(db: Db, range: LedgerDays, catalogueId: string | null): Promise<RefundSum[]> {
  let inner = db.selectFrom('payment_refunds as r')
    .innerJoin('payment_orders as o', 'o.id', 'r.order_id')
    .select([chinaDayOf('r.done_at', range.days).as('day'), 'o.catalogue_id', 'o.payer', 'r.amount_fen'])
    .where('r.status', '=', 'succeeded')
    .where('r.done_at', '>=', range.days[0]!.startsAt).where('r.done_at', '<', range.endsAt)
  if (catalogueId !== null) inner = inner.where('o.catalogue_id', '=', catalogueId)
  const rows = await db.selectFrom(inner.as('t'))
    .select((eb) => ['t.day', 't.catalogue_id', 't.payer', eb.fn.sum<number>('t.amount_fen').as('fen'), eb.fn.countAll<number>().as('n')])
    .groupBy(['t.day', 't.catalogue_id', 't.payer']).execute()
  return rows.map((r) => ({ day: r.day, catalogueId: r.catalogue_id, payer: r.payer, fen: num(r.fen), count: num(r.n) }))
}

export interface ClaimTransferSum {
  day: CivilDate
  catalogueId: string
  fundingSource: string
  result: 'paid' | 'failed'
  fen: number
  count: number
}

/**
 * The bank's results for claim transfers dated in the range (`settled_on`, the
 * bank's date), paid or failed, by day, the claim's catalogue and its
 * enrolment's funding source.
 */
export async function claimTransferSums(db: Db, from: CivilDate, to: CivilDate, catalogueId: string | null): Promise<ClaimTransferSum[]> {
  let query = db.selectFrom('claim_payment_lines as l')
    .innerJoin('claims as c', 'c.id', 'l.claim_id')
    .innerJoin('enrolments as e', 'e.id', 'c.enrolment_id')
    .select((eb) => ['l.settled_on', 'c.catalogue_id', 'e.funding_source', 'l.result', eb.fn.sum<number>('l.amount_fen').as('fen'), eb.fn.countAll<number>().as('n')])
    .where('l.result', 'in', ['paid', 'failed'])
    .where('l.settled_on', '>=', from).where('l.settled_on', '<=', to)
  if (catalogueId !== null) query = query.where('c.catalogue_id', '=', catalogueId)
  const rows = await query.groupBy(['l.settled_on', 'c.catalogue_id', 'e.funding_source', 'l.result']).execute()
  return rows.map((r) => ({
    day: r.settled_on!, catalogueId: r.catalogue_id, fundingSource: r.funding_source, result: r.result as 'paid' | 'failed', fen: num(r.fen), count: num(r.n),
  }))
}
