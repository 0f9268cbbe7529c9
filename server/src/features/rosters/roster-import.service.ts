import { describeSelection, type CivilDate, type FundingSource, type EnrolmentMode, type Quote, type RosterMember } from '@huzhu/shared'
import { nowIso } from '../../clock'
import type { Db } from '../../db/open'
import { AppError, conflict } from '../../http/errors'
import { newId } from '../../ids'
import type { NewEnrolmentRow } from '../enrolments/enrolments.table'
import { findOverlappingMany, insertEnrolments } from '../enrolments/enrolments.repository'
import { catalogueOr422, enrolmentRowOf, priceSelection, type EnrolDeps } from '../enrolments/enrolments.service'
import { personRow } from '../enrolments/insured-person'
import { CHUNK, findPersonsByHashes, insertPersons, updatePerson } from '../enrolments/insured-persons.repository'
import type { InsuredPersonRow } from '../enrolments/insured-persons.table'
import type { UnitRow } from '../units/units.table'
import { existsSync } from 'node:fs'
import { checkRosterStream } from './roster-file'
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
 * rows), and every 500 are written: persons found by ID-number hash
 * (refreshed) or added, one pending enrolment each (the roster's mode and
 * acceptance day), and accounts that proved a person's phone are linked to
 * them. A person who meanwhile got overlapping cover fails the import, or,
 * when only the valid rows are wanted, is skipped: that row changes nothing,
 * not even the person's name or phone.
 */
export async function importRosterFile(
  db: Db, deps: EnrolDeps, roster: RosterRow, unit: UnitRow, files: { xlsx: string; staging: string }, today: CivilDate, onlyValidRows: boolean, createdBy: string,
): Promise<ImportResult> {
  // Inside the transaction: a concurrent import of the same roster that committed first wins.
  const current = await db.selectFrom('rosters').select('status').where('id', '=', roster.id).executeTakeFirst()
  if (current?.status !== 'checked') throw conflict('roster_already_imported')
  const catalogue = catalogueOr422(deps.catalogues, roster.catalogue_id)
  const mode = roster.mode as EnrolmentMode
  const quotes = new Map<string, Quote>()
  const quoteFor = (m: RosterMember) => {
    const key = describeSelection(m.selection)
    let q = quotes.get(key)
    if (!q) quotes.set(key, (q = priceSelection(catalogue, m.selection, mode, roster.accepted_on)))
    return q
  }
  const extras = { fundingSource: unit.funding_source as FundingSource, unitId: unit.id, eventId: null, rosterId: roster.id, createdBy }
  const now = nowIso(deps.clock)
  let importedCount = 0
  let premiumFen = 0
  const writeBatch = async (part: readonly RosterMember[]) => {
    const hashes = part.map((m) => hashIdNumber(deps.protector, m.idNumber.value))
    const existing = new Map((await findPersonsByHashes(db, hashes)).map((p) => [p.id_number_hash, p]))
    const anyQuote = quoteFor(part[0]!)
    // Decided before anything is written: a row whose person already holds overlapping cover changes nothing anywhere.
    const overlapping = existing.size === 0 ? new Map() : await findOverlappingMany(db, [...existing.values()].map((p) => p.id), catalogue.id, anyQuote.start, anyQuote.end)
    if (overlapping.size > 0 && !onlyValidRows) {
      const rows = part.filter((_, i) => overlapping.has(existing.get(hashes[i]!)?.id)).map((m) => ({ row: m.row, column: '身份证号码', code: 'enrolment_overlap' }))
      throw new AppError(409, 'enrolment_overlap', { params: { start: anyQuote.start, end: anyQuote.end }, details: rows })
    }
    const fresh: InsuredPersonRow[] = []
    const enrolments: NewEnrolmentRow[] = []
    const personIds: string[] = []
    for (let i = 0; i < part.length; i++) {
      const m = part[i]!
      const old = existing.get(hashes[i]!)
      if (old && overlapping.has(old.id)) continue
      const input = { name: m.name, idNumber: m.idNumber, mobile: m.mobile, occupation: m.occupation, platform: m.platform, basicMedicalInsurance: m.basicMedicalInsurance }
      let personId: string
      if (old) {
        await updatePerson(db, personRow(deps.protector, old.id, input, now, old.created_at))
        personId = old.id
      } else {
        const row = personRow(deps.protector, newId('per', deps.clock.now()), input, now)
        fresh.push(row)
        personId = row.id
      }
      personIds.push(personId)
      const q = quoteFor(m)
      enrolments.push(enrolmentRowOf(q, personId, extras, newId('enr', deps.clock.now()), now))
      premiumFen += q.premiumFen
    }
    await insertPersons(db, fresh)
    await insertEnrolments(db, enrolments)
    await linkProvenAccounts(db, deps.clock, personIds)
    importedCount += enrolments.length
  }
  let batch: RosterMember[] = []
  const take = async (member: RosterMember) => {
    batch.push(member)
    if (batch.length >= CHUNK) {
      await writeBatch(batch)
      batch = []
    }
  }
  if (existsSync(files.staging)) {
    for await (const member of readStaging(files.staging, deps.protector, roster.id)) await take(member)
  } else {
    await checkRosterStream(files.xlsx, { catalogue, today, acceptedOn: roster.accepted_on }, take)
  }
  if (batch.length > 0) await writeBatch(batch)
  if (importedCount === 0) throw new AppError(422, 'roster_nothing_to_import')
  if (!(await markImported(db, roster.id, importedCount, premiumFen, now))) throw conflict('roster_already_imported')
  // The roster's payment code, or its members' (who pays decides): what a transfer's memo carries.
  await issueRosterCodes(db, deps.clock, roster.id)
  return { importedCount, premiumFen }
}
