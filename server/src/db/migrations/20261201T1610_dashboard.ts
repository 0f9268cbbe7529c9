import { sql, type Kysely } from 'kysely'
import { calendarFromYears, chinaDateOf, workingDaysBetween, type CalendarYearData, type CivilDate } from '@huzhu/shared'

/**
 * The office's indicators (`features/dashboard`, `features/transparency`):
 * - `claims.paid_on`: the bank's date of the payment (China date), and
 *   `claims.paid_working_days`: working days from the China date of the last
 *   material to it, on the holiday calendar, counted when the claim is paid, so
 *   the median and 90th percentile of days to pay are a GROUP BY over a small
 *   integer. Claims paid before are counted here (the bank's date from their
 *   payment line, else the day the result was recorded).
 * - indexes the aggregates read: enrolments by status and catalogue holding
 *   every column the figures read (one index scan, no row looked up), claims
 *   by their enrolment, paid claims by days to pay.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('claims').addColumn('paid_on', 'text').execute()
  await db.schema.alterTable('claims').addColumn('paid_working_days', 'integer').execute()

  const years: CalendarYearData[] = []
  const yearRows = await db.selectFrom('holiday_calendar_years').select('year').orderBy('year').execute() as { year: number }[]
  const dayRows = await db.selectFrom('holiday_calendar_days').select(['date', 'year', 'kind']).execute() as { date: CivilDate; year: number; kind: string }[]
  for (const { year } of yearRows) {
    years.push({
      year: Number(year),
      holidays: dayRows.filter((d) => Number(d.year) === Number(year) && d.kind === 'holiday').map((d) => d.date),
      workdays: dayRows.filter((d) => Number(d.year) === Number(year) && d.kind === 'workday').map((d) => d.date),
    })
  }
  const calendar = calendarFromYears('office', years)
  let after = ''
  for (;;) {
    const paid = await db.selectFrom('claims as c')
      .select(['c.id', 'c.last_material_at', 'c.paid_at', (eb) => eb.selectFrom('claim_payment_lines as l').select((e2) => e2.fn.max('l.settled_on').as('d'))
        .whereRef('l.claim_id', '=', 'c.id').where('l.result', '=', 'paid').as('settled_on')])
      .where('c.status', '=', 'paid').where('c.id', '>', after).orderBy('c.id').limit(500).execute() as { id: string; last_material_at: string; paid_at: string | null; settled_on: string | null }[]
    if (paid.length === 0) break
    for (const claim of paid) {
      const paidOn = (claim.settled_on ?? chinaDateOf(new Date(claim.paid_at ?? claim.last_material_at))) as CivilDate
      const from = chinaDateOf(new Date(claim.last_material_at))
      const days = paidOn > from ? workingDaysBetween(calendar, from, paidOn) : 0
      await db.updateTable('claims').set({ paid_on: paidOn, paid_working_days: days }).where('id', '=', claim.id).execute()
    }
    after = paid[paid.length - 1]!.id
  }

  await db.schema.createIndex('enrolments_dashboard').on('enrolments')
    .columns(['status', 'catalogue_id', 'start_on', 'accepted_on', 'unit_id', 'insured_person_id', 'premium_fen', 'event_id', 'funding_source']).execute()
  await db.schema.createIndex('claims_enrolment').on('claims').columns(['enrolment_id', 'status']).execute()
  await db.schema.createIndex('claims_paid_days').on('claims').columns(['status', 'paid_working_days']).where(sql.ref('status'), '=', sql`'paid'`).execute()
}
