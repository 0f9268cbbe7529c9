import {
  columnIndex, columnLetter, describeSelection, message, quote, type Catalogue, type CivilDate, type EnrolmentMode, type RosterMember, type SelectedProduct,
} from '@huzhu/shared'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { hashIdNumber } from '../../crypto/personal-data'
import { findPersonsByHashes } from '../enrolments/insured-persons.repository'
import { checkRosterStream } from './roster-file'
import type { StagingWriter } from './roster-staging'
import { overlapsOfPlanned, renewableCovers, RosterPricing } from './roster-renewals'
import type { StoredRosterError } from './rosters.presenter'

export interface CheckedRoster {
  rowCount: number
  validCount: number
  errors: StoredRosterError[]
}

/**
 * Reads the file and checks every row with the shared rules (no database: the CLI uses this too).
 * `unitSelection`: the unit's standing selection, which rows without products get (DOMAIN.md rule 6).
 */
export async function checkRosterFileOffline(
  path: string, catalogue: Catalogue, today: CivilDate, acceptedOn: CivilDate, onMember?: (member: RosterMember) => void | Promise<void>,
  unitSelection?: readonly SelectedProduct[],
): Promise<CheckedRoster> {
  const { rowCount, validCount, errors } = await checkRosterStream(path, { catalogue, today, acceptedOn, unitSelection }, onMember)
  return { rowCount, validCount, errors }
}

/**
 * The offline check, then the database's: a row whose person already holds live
 * cover in the catalogue over the new cover's days is an error on its ID number.
 * A row renewing its person's cover (`roster-renewals.ts`) is dated from the day
 * after that cover ends, so that cover is no overlap; a renewal the engine
 * refuses is an error on the row. Only the keyed hashes and selections of good
 * rows are kept while the file streams; the good rows go to `staging` (read back
 * by the import).
 */
export async function checkRosterFile(
  db: Db, protector: DataProtector, catalogues: CatalogueStore, path: string, catalogue: Catalogue, mode: EnrolmentMode, today: CivilDate, acceptedOn: CivilDate,
  staging?: StagingWriter, unitSelection?: readonly SelectedProduct[], unitId: string | null = null,
): Promise<CheckedRoster> {
  const rowByHash = new Map<string, { row: number; selection: readonly SelectedProduct[] }>()
  // One selection object per distinct selection: a large roster of one selection holds it once.
  const selections = new Map<string, readonly SelectedProduct[]>()
  let checked: CheckedRoster
  try {
    checked = await checkRosterFileOffline(path, catalogue, today, acceptedOn, async (m) => {
      const key = describeSelection(m.selection)
      if (!selections.has(key)) selections.set(key, m.selection)
      rowByHash.set(hashIdNumber(protector, m.idNumber.value), { row: m.row, selection: selections.get(key)! })
      await staging?.add(m)
    }, unitSelection)
  } finally {
    await staging?.close()
  }
  if (rowByHash.size === 0) return checked
  const persons = await findPersonsByHashes(db, [...rowByHash.keys()])
  if (persons.length === 0) return checked
  const held = await renewableCovers(db, catalogues, catalogue, persons.map((p) => p.id), acceptedOn)
  const pricing = new RosterPricing(catalogue, catalogues, mode, acceptedOn, (selection) => quote(catalogue, { selection, mode, acceptedOn }))
  const planned = new Map<string, { start: CivilDate; end: CivilDate }>()
  const rowOf = new Map<string, number>()
  for (const person of persons) {
    const entry = rowByHash.get(person.id_number_hash)
    if (!entry) continue
    rowOf.set(person.id, entry.row)
    const priced = pricing.row(entry.selection, held.get(person.id))
    if (priced.ok) {
      planned.set(person.id, { start: priced.quote.start, end: priced.quote.end })
    } else if (priced.violations.length > 0 && held.has(person.id)) {
      checked.validCount--
      const reason = priced.violations.map((v) => v.message).join('；')
      checked.errors.push({ row: entry.row, column: '', cell: `A${entry.row}`, code: 'renewal_unavailable', message: message('renewal_unavailable', { reason }) })
    }
  }
  const overlapping = await overlapsOfPlanned(db, catalogue.id, planned, { catalogue, unitId })
  const column = columnIndex('idNumber')
  for (const [personId, other] of overlapping) {
    const row = rowOf.get(personId)
    if (row === undefined) continue
    checked.validCount--
    checked.errors.push({
      row, column: '身份证号码', cell: `${columnLetter(column)}${row}`, code: 'enrolment_overlap',
      message: message('enrolment_overlap', { start: other.start_on, end: other.end_on }),
    })
  }
  checked.errors.sort((a, b) => a.row - b.row)
  return checked
}
