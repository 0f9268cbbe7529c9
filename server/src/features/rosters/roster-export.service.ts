import { maskIdNumber, maskMobile, occupationLabels, toSelection, type Occupation, type RosterCell } from '@huzhu/shared'
import type { Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { ID_NUMBER_AND_MOBILE, recordAudit, type AuditActor } from '../audit/audit.service'
import { decodePerson } from '../enrolments/insured-person'
import { findPersonsByIds } from '../enrolments/insured-persons.repository'
import type { InsuredPersonRow } from '../enrolments/insured-persons.table'

const PAGE = 1_000

/**
 * Roster rows with ID numbers and mobiles in full, read in the transaction that records the
 * reading in the audit log under `resource`: one never happens without the other.
 */
export function readFullRowsAudited(
  db: Db, clock: Clock, actor: AuditActor, resource: string, rows: (trx: Db) => AsyncIterable<RosterCell[]>,
): Promise<RosterCell[][]> {
  return db.transaction().execute(async (trx) => {
    await recordAudit(trx, clock, actor, { subjectUserId: null, action: 'read', resource, fields: ID_NUMBER_AND_MOBILE })
    const all: RosterCell[][] = []
    for await (const cells of rows(trx)) all.push(cells)
    return all
  })
}

/** One roster row (the DOMAIN.md layout) for an insured person and an enrolment's products (JSON codes); masked unless `full`. */
export function rosterCellsOf(seq: number, person: InsuredPersonRow, products: string, protector: DataProtector, full: boolean): RosterCell[] {
  const p = decodePerson(person, protector)
  const selection = toSelection(JSON.parse(products) as string[])
  return [
    seq, p.name, p.sex === 'F' ? '女' : '男', full ? p.idNumber : maskIdNumber(p.idNumber), p.mobile === null ? '' : full ? p.mobile : maskMobile(p.mobile), p.occupation ? occupationLabels[p.occupation as Occupation] : '',
    p.platform ?? '', person.basic_medical_insurance === 1 ? '是' : '否', selection.map((s) => s.code).join(','),
    Math.max(...selection.map((s) => s.shares)), '',
  ]
}

/**
 * The unit's live enrolments in a catalogue as roster rows (the DOMAIN.md
 * layout), oldest first, read in pages so a large unit never sits in memory whole.
 * ID numbers and mobiles are masked unless `full` (an audited choice: see the route).
 */
export async function* exportRows(db: Db, protector: DataProtector, unitId: string, catalogueId: string, full: boolean): AsyncGenerator<RosterCell[]> {
  let after = ''
  let seq = 0
  for (;;) {
    const rows = await db.selectFrom('enrolments').select(['id', 'insured_person_id', 'products'])
      .where('unit_id', '=', unitId).where('catalogue_id', '=', catalogueId).where('status', '!=', 'cancelled')
      .where('id', '>', after).orderBy('id').limit(PAGE).execute()
    if (rows.length === 0) return
    const persons = new Map((await findPersonsByIds(db, rows.map((r) => r.insured_person_id))).map((p) => [p.id, p]))
    for (const r of rows) yield rosterCellsOf(++seq, persons.get(r.insured_person_id)!, r.products, protector, full)
    after = rows[rows.length - 1]!.id
  }
}
