import { columnIndex, columnLetter, coverDates, message, type Catalogue, type CivilDate, type EnrolmentMode, type RosterMember } from '@huzhu/shared'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { findOverlappingMany } from '../enrolments/enrolments.repository'
import { hashIdNumber } from '../../crypto/personal-data'
import { findPersonsByHashes } from '../enrolments/insured-persons.repository'
import { checkRosterStream } from './roster-file'
import type { StagingWriter } from './roster-staging'
import type { StoredRosterError } from './rosters.presenter'

export interface CheckedRoster {
  rowCount: number
  validCount: number
  errors: StoredRosterError[]
}

/** Reads the file and checks every row with the shared rules (no database: the CLI uses this too). */
export async function checkRosterFileOffline(
  path: string, catalogue: Catalogue, today: CivilDate, acceptedOn: CivilDate, onMember?: (member: RosterMember) => void | Promise<void>,
): Promise<CheckedRoster> {
  const { rowCount, validCount, errors } = await checkRosterStream(path, { catalogue, today, acceptedOn }, onMember)
  return { rowCount, validCount, errors }
}

/**
 * The offline check, then the database's: a row whose person already holds live
 * cover in the catalogue over the new cover's days is an error on its ID number.
 * Only the keyed hashes of good rows are kept while the file streams; the good
 * rows go to `staging` (read back by the import).
 */
export async function checkRosterFile(
  db: Db, protector: DataProtector, path: string, catalogue: Catalogue, mode: EnrolmentMode, today: CivilDate, acceptedOn: CivilDate,
  staging?: StagingWriter,
): Promise<CheckedRoster> {
  const rowByHash = new Map<string, number>()
  let checked: CheckedRoster
  try {
    checked = await checkRosterFileOffline(path, catalogue, today, acceptedOn, async (m) => {
      rowByHash.set(hashIdNumber(protector, m.idNumber.value), m.row)
      await staging?.add(m)
    })
  } finally {
    await staging?.close()
  }
  const dates = coverDates(catalogue, mode, acceptedOn)
  if (!dates.ok || rowByHash.size === 0) return checked
  const persons = await findPersonsByHashes(db, [...rowByHash.keys()])
  if (persons.length === 0) return checked
  const overlapping = await findOverlappingMany(db, persons.map((p) => p.id), catalogue.id, dates.value.start, dates.value.end)
  const column = columnIndex('idNumber')
  for (const person of persons) {
    const other = overlapping.get(person.id)
    const row = rowByHash.get(person.id_number_hash)
    if (!other || row === undefined) continue
    checked.validCount--
    checked.errors.push({
      row, column: '身份证号码', cell: `${columnLetter(column)}${row}`, code: 'enrolment_overlap',
      message: message('enrolment_overlap', { start: other.start_on, end: other.end_on }),
    })
  }
  checked.errors.sort((a, b) => a.row - b.row)
  return checked
}
