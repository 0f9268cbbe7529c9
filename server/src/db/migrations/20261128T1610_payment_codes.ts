import { randomInt } from 'node:crypto'
import { sql, type Kysely } from 'kysely'

/**
 * Payment codes (缴费识别码): what a payer writes in a bank transfer's memo, so
 * that the office's bank statement is matched by import (`features/bank-statements`).
 * A code pays one enrolment or a roster's enrolments together; it is unique
 * (the primary key) and so is each owner's code.
 *
 * Pending enrolments and rosters made before get theirs here, by the rule the
 * server applies from now on (`payment-codes.service.ts`): a roster its unit or
 * the union pays has one code; every other pending enrolment (made alone, at an
 * event, a unit's new hire, a roster row its member pays) has its own.
 * The code format is written out here so that this migration stays as it ran.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

function newCode(): string {
  let body = ''
  let sum = 0
  for (let i = 0; i < 7; i++) {
    const value = randomInt(ALPHABET.length)
    body += ALPHABET[value]
    sum += (i + 1) * value
  }
  return `HZ${body}${ALPHABET[((31 - (sum % 31)) * 4) % 31]}`
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payment_codes')
    .addColumn('code', 'text', (c) => c.primaryKey().notNull())
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id'))
    .addColumn('roster_id', 'text', (c) => c.references('rosters.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('payment_codes_one_owner', sql`(enrolment_id is null) <> (roster_id is null)`)
    .execute()
  await db.schema.createIndex('payment_codes_enrolment').unique().on('payment_codes').column('enrolment_id').execute()
  await db.schema.createIndex('payment_codes_roster').unique().on('payment_codes').column('roster_id').execute()

  const now = new Date().toISOString()
  const enrolments = await sql<{ id: string }>`select id from enrolments where status = 'pending_payment'
    and (roster_id is null or funding_source in ('member', 'split')) order by id`.execute(db)
  const rosters = await sql<{ roster_id: string }>`select distinct roster_id from enrolments where status = 'pending_payment'
    and roster_id is not null and funding_source not in ('member', 'split') order by roster_id`.execute(db)
  const used = new Set<string>()
  const fresh = () => {
    let code = newCode()
    while (used.has(code)) code = newCode()
    used.add(code)
    return code
  }
  const rows = [
    ...enrolments.rows.map((r) => ({ code: fresh(), enrolment_id: r.id, roster_id: null, created_at: now })),
    ...rosters.rows.map((r) => ({ code: fresh(), enrolment_id: null, roster_id: r.roster_id, created_at: now })),
  ]
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('payment_codes').values(rows.slice(i, i + 500)).execute()
}
