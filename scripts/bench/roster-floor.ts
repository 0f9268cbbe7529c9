import ExcelJS from 'exceljs'
import { createDataProtector } from '@huzhu/server/src/crypto/protector'
import { migrateToLatest } from '@huzhu/server/src/db/migrate'
import { openDatabaseTarget, type Db } from '@huzhu/server/src/db/open'
import { personRow } from '@huzhu/server/src/features/enrolments/insured-person'
import type { NewEnrolmentRow } from '@huzhu/server/src/features/enrolments/enrolments.table'
import type { InsuredPersonRow } from '@huzhu/server/src/features/enrolments/insured-persons.table'
import { newId } from '@huzhu/server/src/ids'
import type { BenchDatabase } from './databases'

/**
 * The roster benchmark's floor (issue 13): what reading a roster and writing its rows costs at the least on
 * this machine, with nothing of the server's in between. The same xlsx files read with exceljs's streaming
 * reader, and for each row the same two rows the import writes (the person, its ID number and mobile
 * encrypted and hashed as at rest, and a pending enrolment), inserted in batches into a fresh migrated
 * database of that kind, one transaction per file. No checks, no pricing, no HTTP, no lookups.
 */
export async function rosterFloor(database: BenchDatabase, files: readonly string[], dataKey: string): Promise<{ seconds: number; rows: number }> {
  const { db, close } = await openDatabaseTarget(database.target, { readPoolSize: 1 })
  try {
    await migrateToLatest(db)
    const protector = createDataProtector(Buffer.from(dataKey, 'base64'))
    let rows = 0
    const started = performance.now()
    for (const file of files) rows += await db.transaction().execute((trx) => writeFile(trx, protector, file))
    return { seconds: (performance.now() - started) / 1000, rows }
  } finally {
    await close()
  }
}

const BATCH = 500
const text = (value: ExcelJS.CellValue): string => (value === null || value === undefined ? '' : String(value))

async function writeFile(db: Db, protector: ReturnType<typeof createDataProtector>, file: string): Promise<number> {
  const now = new Date().toISOString()
  let persons: InsuredPersonRow[] = []
  let enrolments: NewEnrolmentRow[] = []
  let written = 0
  const flush = async () => {
    for (let i = 0; i < persons.length; i += 250) await db.insertInto('insured_persons').values(persons.slice(i, i + 250)).execute()
    for (let i = 0; i < enrolments.length; i += 250) await db.insertInto('enrolments').values(enrolments.slice(i, i + 250)).execute()
    written += persons.length
    persons = []
    enrolments = []
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' })
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number === 1) continue
      const values = row.values as ExcelJS.CellValue[]
      const idNumber = text(values[4])
      const person = personRow(protector, newId('per'), {
        name: text(values[2]),
        idNumber: { value: idNumber, sex: Number(idNumber[16]) % 2 === 1 ? 'M' : 'F', birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}` },
        mobile: text(values[5]) || null, occupation: 'food_delivery', platform: text(values[7]) || null, basicMedicalInsurance: text(values[8]) === '是',
      }, now)
      persons.push(person)
      enrolments.push({
        id: newId('enr'), insured_person_id: person.id, catalogue_id: 'shaanxi-gig-2023', mode: 'instant', status: 'pending_payment',
        products: JSON.stringify([text(values[9])]), accepted_on: '2026-11-24', start_on: '2026-11-25', end_on: '2027-11-24',
        cover_from: '{"accident":"2026-11-25"}', premium_fen: 6000, premium_lines: '[{"product":"ZY","shares":1,"premiumFen":6000}]',
        funding_source: 'unit', unit_id: null, event_id: null, roster_id: null, payment_id: null, created_by: null,
        created_at: now, updated_at: now, cancelled_at: null, renews_enrolment_id: null,
      })
      if (persons.length >= BATCH) await flush()
    }
    break
  }
  await flush()
  return written
}
