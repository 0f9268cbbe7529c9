import { type CivilDate, type FundingSource, type EnrolmentMode, type RosterMember } from '@huzhu/shared'
import { nowIso } from '../../clock'
import { forUpdate } from '../../db/dialect'
import type { Db } from '../../db/open'
import { AppError, conflict } from '../../http/errors'
import { newId } from '../../ids'
import type { NewEnrolmentRow } from '../enrolments/enrolments.table'
import { insertEnrolments } from '../enrolments/enrolments.repository'
import { unitContributions } from '../units/units.service'
import { catalogueOr422, enrolmentRowOf, priceSelection, type EnrolDeps } from '../enrolments/enrolments.service'
import { personRow, type PersonInput } from '../enrolments/insured-person'
import { CHUNK, findPersonsByHashes, insertPersons, lockPersons, updatePerson } from '../enrolments/insured-persons.repository'
import type { InsuredPersonRow } from '../enrolments/insured-persons.table'
import type { HeldRow } from '../enrolments/renewal-quote'
import type { UnitRow } from '../units/units.table'
import { rosterUnitSelection } from '../units/units.service'
import { checkRosterStream } from './roster-file'
import type { RosterImportFiles } from './roster-files'
import { overlapsOfPlanned, renewableCovers, RosterPricing } from './roster-renewals'
import { readStaging } from './roster-staging'
import { markImported } from './rosters.repository'
import type { RosterRow } from './rosters.table'
import { hashIdNumber } from '../../crypto/personal-data'
import { linkProvenAccounts } from '../identity/identity.service'
import { issueRosterCodes } from '../bank-statements/payment-codes.service'

export interface ImportResult {
  importedCount: number
  premiumFen: number
}

/**
 * Imports a checked roster, all in the caller's one transaction: its good rows
 * are read back from the staging file written when it was checked (or, if that is
 * gone, the stored xlsx is read and checked again: the same rules, the same good
 * rows), both local files (`withRosterImportFiles`), and every 500 are written: persons found by ID-number hash
 * (refreshed) or added, one pending enrolment each (the roster's mode and
 * acceptance day; a row renewing its person's cover continues it from the day
 * after it ends: `roster-renewals.ts`), and accounts that proved a person's phone are linked to
 * them. A person who meanwhile got overlapping cover fails the import, or,
 * when only the valid rows are wanted, is skipped: that row changes nothing,
 * not even the person's name or phone.
 */
export async function importRosterFile(
  db: Db, deps: EnrolDeps, roster: RosterRow, unit: UnitRow, files: RosterImportFiles, today: CivilDate, onlyValidRows: boolean, createdBy: string,
): Promise<ImportResult> {
  // Inside the transaction, and locked (PostgreSQL): a concurrent import of the same roster waits, then finds it imported.
  const current = await forUpdate(db, db.selectFrom('rosters').select('status').where('id', '=', roster.id)).executeTakeFirst()
  if (current?.status !== 'checked') throw conflict('roster_already_imported')
  const catalogue = catalogueOr422(deps.catalogues, roster.catalogue_id)
  const mode = roster.mode as EnrolmentMode
  // New rows are priced as the roster's mode and day (or the import fails, 422); renewal rows by the engine's renewal quote.
  const pricing = new RosterPricing(catalogue, deps.catalogues, mode, roster.accepted_on, (selection) => ({ ok: true, value: priceSelection(catalogue, selection, mode, roster.accepted_on) }))
  const extras = { fundingSource: unit.funding_source as FundingSource, unitId: unit.id, eventId: null, rosterId: roster.id, createdBy }
  const now = nowIso(deps.clock)
  let importedCount = 0
  let premiumFen = 0
  const inputOf = (m: RosterMember): PersonInput => ({
    name: m.name, idNumber: m.idNumber, mobile: m.mobile, occupation: m.occupation, platform: m.platform, basicMedicalInsurance: m.basicMedicalInsurance,
  })
  // The previous batch's writes, still running on the database while the next batch is prepared (its
  // rows decrypted from staging, hashed and encrypted): the database's queries stay one after another,
  // in the same order; only this process's work overlaps them. Awaited before the next batch reads.
  let writing: Promise<void> = Promise.resolve()
  const writeBatch = async (part: readonly RosterMember[]) => {
    const hashes = part.map((m) => hashIdNumber(deps.protector, m.idNumber.value))
    // Rows for new persons made before the lookup (most of a roster is new); a person found gets theirs again, bound to their id.
    const newRows = part.map((m, i) => personRow(deps.protector, newId('per', deps.clock.now()), inputOf(m), now, now, hashes[i]))
    await writing
    const existing = new Map((await findPersonsByHashes(db, hashes)).map((p) => [p.id_number_hash, p]))
    // Held until the commit (PostgreSQL): another enrolment of these persons waits, so the overlap check below stays true.
    await lockPersons(db, [...existing.values()].map((p) => p.id))
    // A row renewing its person's cover starts the day after it ends (`roster-renewals.ts`); others on the roster's dates.
    const held = existing.size === 0 ? new Map<string, HeldRow>() : await renewableCovers(db, deps.catalogues, catalogue, [...existing.values()].map((p) => p.id), roster.accepted_on)
    const priced = part.map((m, i) => pricing.row(m.selection, held.get(existing.get(hashes[i]!)?.id ?? '')))
    const refused = part.flatMap((m, i) => { const p = priced[i]!; return p.ok ? [] : [{ row: m.row, column: '', code: 'renewal_unavailable', reasons: p.violations.map((v) => v.message) }] })
    if (refused.length > 0 && !onlyValidRows) {
      throw new AppError(422, 'renewal_unavailable', { params: { reason: refused[0]!.reasons.join('；') }, details: refused })
    }
    // Decided before anything is written: a row whose person already holds overlapping cover changes nothing anywhere.
    const planned = new Map<string, { start: CivilDate; end: CivilDate }>()
    part.forEach((_, i) => {
      const person = existing.get(hashes[i]!)
      const p = priced[i]!
      if (person && p.ok) planned.set(person.id, { start: p.quote.start, end: p.quote.end })
    })
    const overlapping = planned.size === 0 ? new Map() : await overlapsOfPlanned(db, catalogue.id, planned, { catalogue, unitId: unit.id })
    if (overlapping.size > 0 && !onlyValidRows) {
      const rows = part.filter((_, i) => overlapping.has(existing.get(hashes[i]!)?.id)).map((m) => ({ row: m.row, column: '身份证号码', code: 'enrolment_overlap' }))
      const first = planned.get([...overlapping.keys()][0]!)!
      throw new AppError(409, 'enrolment_overlap', { params: { start: first.start, end: first.end }, details: rows })
    }
    const fresh: InsuredPersonRow[] = []
    const refreshed: InsuredPersonRow[] = []
    const enrolments: NewEnrolmentRow[] = []
    const personIds: string[] = []
    for (let i = 0; i < part.length; i++) {
      const old = existing.get(hashes[i]!)
      const p = priced[i]!
      if (!p.ok || (old && overlapping.has(old.id))) continue
      const row = old ? personRow(deps.protector, old.id, inputOf(part[i]!), now, old.created_at, hashes[i]) : newRows[i]!
      ;(old ? refreshed : fresh).push(row)
      personIds.push(row.id)
      enrolments.push(enrolmentRowOf(p.quote, row.id, { ...extras, renewsEnrolmentId: p.renews }, newId('enr', deps.clock.now()), now))
      premiumFen += p.quote.premiumFen
    }
    importedCount += enrolments.length
    writing = (async () => {
      for (const row of refreshed) await updatePerson(db, row)
      await insertPersons(db, fresh)
      await insertEnrolments(db, enrolments, unitContributions(unit), deps.catalogues)
      await linkProvenAccounts(db, deps.clock, personIds)
    })()
    // Its failure is thrown where it is awaited (the next batch, or the end); not an unhandled rejection meanwhile.
    writing.catch(() => undefined)
  }
  let batch: RosterMember[] = []
  const take = async (member: RosterMember) => {
    batch.push(member)
    if (batch.length >= CHUNK) {
      await writeBatch(batch)
      batch = []
    }
  }
  try {
    if ('staging' in files) {
      for await (const member of readStaging(files.staging, deps.protector, roster.id)) await take(member)
    } else {
      await checkRosterStream(files.xlsx, { catalogue, today, acceptedOn: roster.accepted_on, unitSelection: rosterUnitSelection(unit, catalogue) }, take)
    }
    if (batch.length > 0) await writeBatch(batch)
  } finally {
    // Nothing left running on the transaction when it commits or rolls back (a write's failure is thrown here when nothing else was).
    await writing.catch(() => undefined)
  }
  await writing
  if (importedCount === 0) throw new AppError(422, 'roster_nothing_to_import')
  if (!(await markImported(db, roster.id, importedCount, premiumFen, now))) throw conflict('roster_already_imported')
  // The roster's payment code, or its members' (who pays decides): what a transfer's memo carries.
  await issueRosterCodes(db, deps.clock, roster.id)
  return { importedCount, premiumFen }
}
