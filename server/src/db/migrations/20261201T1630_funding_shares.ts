import { sql, type Kysely } from 'kysely'
import { moneyType } from '../dialect'

/**
 * Funding (DOMAIN.md "Funding and coverage indicators"; issue 11 items 5 and 6):
 * - `enrolment_shares`: who pays how much of each enrolment's premium (union,
 *   unit, member: one row per payer, adding up to the premium), owed until a
 *   payment receives it (`payment_id`, `paid_at`). Existing enrolments get one
 *   share each, by their funding source (a split's whole premium on the payer
 *   that paid it: the unit for a unit's enrolment, else the member), received by
 *   the payment that activated them.
 * - `payment_orders.payer`: whose shares an online order pays; existing orders
 *   pay the share of their enrolments.
 * - `outreach_events.gift_*`: a gift's budget (how many, which products, which
 *   days). Events made before have none and are not limited.
 * - `hardship_workers` (困难职工): flagged by staff by ID number (its keyed hash;
 *   the number sealed), the union pays their share.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('enrolment_shares')
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
    .addColumn('payer', 'text', (c) => c.notNull().check(sql`payer in ('union', 'unit', 'member')`))
    .addColumn('amount_fen', moneyType(db), (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.references('payments.id'))
    .addColumn('paid_at', 'text')
    .addPrimaryKeyConstraint('enrolment_shares_pk', ['enrolment_id', 'payer'])
    .execute()
  await db.schema.createIndex('enrolment_shares_payment').on('enrolment_shares').column('payment_id').where(sql.ref('payment_id'), 'is not', null).execute()
  await sql`insert into enrolment_shares (enrolment_id, payer, amount_fen, payment_id, paid_at)
    select e.id,
      case e.funding_source when 'union_gift' then 'union' when 'unit' then 'unit' when 'member' then 'member'
        else case when e.unit_id is null then 'member' else 'unit' end end,
      e.premium_fen, e.payment_id, p.confirmed_at
    from enrolments e left join payments p on p.id = e.payment_id`.execute(db)

  await db.schema.alterTable('payment_orders').addColumn('payer', 'text').execute()
  await sql`update payment_orders set payer = (
    select min(s.payer) from payment_order_enrolments l join enrolment_shares s on s.enrolment_id = l.enrolment_id where l.order_id = payment_orders.id)`.execute(db)

  await db.schema.alterTable('outreach_events').addColumn('gift_limit', 'integer').execute()
  await db.schema.alterTable('outreach_events').addColumn('gift_products', 'text').execute()
  await db.schema.alterTable('outreach_events').addColumn('gift_from', 'text').execute()
  await db.schema.alterTable('outreach_events').addColumn('gift_to', 'text').execute()
  await db.schema.createIndex('enrolments_event_gifts').on('enrolments').columns(['event_id', 'funding_source']).where(sql.ref('event_id'), 'is not', null).execute()

  await db.schema
    .createTable('hardship_workers')
    .addColumn('id_number_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('flagged_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .execute()
}
