import {
  checkEligibility, coverDates, mayOverlap, quote, toSelection, type Applicant, type Catalogue, type CivilDate, type EnrolmentMode,
  type FundingContributions, type FundingSource, type Quote, type SelectedProduct, type SelfEnrolmentRequest,
} from '@huzhu/shared'
import { nowIso, todayInChina, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { AppError, conflict, notFound } from '../../http/errors'
import { newId } from '../../ids'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { findEventById } from '../events/events.repository'
import { takeGift } from '../events/event-gifts'
import { decodeProfile } from '../members/profile'
import { findProfileRow } from '../members/members.repository'
import type { EnrolmentRow, NewEnrolmentRow } from './enrolments.table'
import { issueEnrolmentCodes } from '../bank-statements/payment-codes.service'
import { findEnrolment, findOverlapping, insertEnrolments, loadViews, setEnrolmentCancelled, type EnrolmentView } from './enrolments.repository'
import { personRow, type PersonInput } from './insured-person'
import { findPersonByHash, insertPersonIfAbsent, lockPersons, updatePerson } from './insured-persons.repository'
import type { InsuredPersonRow } from './insured-persons.table'
import { hashIdNumber } from '../../crypto/personal-data'
import { isLinked, linkOwnEnrolment, linkProvenAccounts } from '../identity/identity.service'

export interface EnrolDeps {
  clock: Clock
  protector: DataProtector
  catalogues: CatalogueStore
}

export function catalogueOr422(store: CatalogueStore, id: string): Catalogue {
  const catalogue = store.get(id)
  if (!catalogue) throw new AppError(422, 'unknown_catalogue', { details: [{ path: 'catalogueId', code: 'unknown_catalogue' }] })
  return catalogue
}

/**
 * The mode of a unit's enrolment (roster, new hire) accepted on a day: collective
 * while the catalogue still takes it (before the plan year starts), afterwards
 * instant (DOMAIN.md: a roster accepted after 1 April starts the next day, with waiting periods).
 */
export function unitModeFor(catalogue: Catalogue, acceptedOn: CivilDate): EnrolmentMode {
  return coverDates(catalogue, 'collective', acceptedOn).ok ? 'collective' : 'instant'
}

/** 422 `enrolment_dates_invalid` when the catalogue takes no enrolment in this mode on this day. */
export function assertDatesOpen(catalogue: Catalogue, mode: EnrolmentMode, acceptedOn: CivilDate): void {
  const dates = coverDates(catalogue, mode, acceptedOn)
  if (!dates.ok) {
    const reason = dates.violations.map((v) => v.message).join('；')
    throw new AppError(422, 'enrolment_dates_invalid', { params: { reason }, details: dates.violations.map((v) => ({ rule: v.rule, product: v.product, message: v.message })) })
  }
}

/** Quotes with the shared engine, or 422 naming every broken rule. */
export function priceSelection(catalogue: Catalogue, selection: readonly SelectedProduct[], mode: EnrolmentMode, acceptedOn: CivilDate, unitSelection?: readonly SelectedProduct[]): Quote {
  assertDatesOpen(catalogue, mode, acceptedOn)
  const result = quote(catalogue, { selection, mode, acceptedOn }, unitSelection ? { unitSelection } : undefined)
  if (!result.ok) {
    throw new AppError(422, 'selection_invalid', { details: result.violations.map((v) => ({ rule: v.rule, product: v.product, message: v.message })) })
  }
  return result.value
}

export function assertEligible(catalogue: Catalogue, applicant: Applicant, on: CivilDate): void {
  const found = checkEligibility(catalogue, applicant, on)
  if (found.length > 0) {
    throw new AppError(422, 'enrolment_not_eligible', {
      params: { reasons: found.map((v) => v.message).join('；') },
      details: found.map((v) => ({ rule: v.rule, product: v.product, message: v.message })),
    })
  }
}

export interface EnrolmentExtras {
  fundingSource: FundingSource
  unitId: string | null
  eventId: string | null
  rosterId: string | null
  createdBy: string | null
  /** The enrolment this one renews (续保), if it is a renewal. */
  renewsEnrolmentId?: string | null
  /** What the union and the unit give under a unit's split (`fundingSource: split`). */
  split?: FundingContributions | null
}

/** The row of a new, pending enrolment priced by `q`. */
export function enrolmentRowOf(q: Quote, personId: string, extras: EnrolmentExtras, id: string, now: string): NewEnrolmentRow {
  return {
    id,
    insured_person_id: personId,
    catalogue_id: q.catalogueId,
    mode: q.mode,
    status: 'pending_payment',
    products: JSON.stringify(q.selection.flatMap((p) => Array<string>(p.shares).fill(p.code))),
    accepted_on: q.acceptedOn,
    start_on: q.start,
    end_on: q.end,
    cover_from: JSON.stringify(q.coverFrom),
    premium_fen: q.premiumFen,
    premium_lines: JSON.stringify(q.lines),
    funding_source: extras.fundingSource,
    unit_id: extras.unitId,
    event_id: extras.eventId,
    roster_id: extras.rosterId,
    payment_id: null,
    created_by: extras.createdBy,
    created_at: now,
    updated_at: now,
    cancelled_at: null,
    renews_enrolment_id: extras.renewsEnrolmentId ?? null,
  }
}

/**
 * Finds the person by their ID number's keyed hash and refreshes their details,
 * or adds them; then links the accounts that proved the person's phone. A person
 * added by another transaction between the read and the insert (the unique hash
 * decides) is refreshed like one found, after `whenFoundLate` (if given) accepts it.
 */
export async function upsertPerson(db: Db, deps: EnrolDeps, input: PersonInput, whenFoundLate?: (person: InsuredPersonRow) => Promise<void>): Promise<InsuredPersonRow> {
  const now = nowIso(deps.clock)
  const hash = hashIdNumber(deps.protector, input.idNumber.value)
  let existing = await findPersonByHash(db, hash)
  if (!existing) {
    const row = personRow(deps.protector, newId('per', deps.clock.now()), input, now)
    if (await insertPersonIfAbsent(db, row)) {
      await linkProvenAccounts(db, deps.clock, [row.id])
      return row
    }
    existing = (await findPersonByHash(db, hash))!
    await whenFoundLate?.(existing)
  }
  const row = personRow(deps.protector, existing.id, {
    ...input,
    mobile: input.mobile, occupation: input.occupation ?? (existing.occupation as PersonInput['occupation']), platform: input.platform ?? existing.platform,
  }, now, existing.created_at)
  await updatePerson(db, row)
  await linkProvenAccounts(db, deps.clock, [row.id])
  return row
}

/**
 * 409 when the person already holds live cover in the catalogue over any of
 * these days, unless the catalogue lets a person be enrolled through two units
 * at once and `through` is another unit than the held cover's (`mayOverlap`:
 * Shanghai; a claim is then paid by the overlap rule). Locks the person first
 * (PostgreSQL), so the enrolment the caller then writes in this transaction is
 * checked against every other one.
 */
export async function assertNoOverlap(db: Db, personId: string, q: Quote, through?: { catalogue: Catalogue; unitId: string | null }): Promise<void> {
  await lockPersons(db, [personId])
  const held = await findOverlapping(db, personId, q.catalogueId, q.start, q.end)
  const other = held.find((row) => !(through && mayOverlap(through.catalogue, { unitId: through.unitId }, { unitId: row.unit_id })))
  if (other) throw new AppError(409, 'enrolment_overlap', { params: { start: other.start_on, end: other.end_on }, details: [{ enrolmentId: other.id }] })
}

/** Adds or refreshes the person (see upsertPerson for `whenFoundLate`), checks overlap, writes one pending enrolment. */
export async function enrolPerson(
  db: Db, deps: EnrolDeps, person: PersonInput, q: Quote, extras: EnrolmentExtras, whenFoundLate?: (person: InsuredPersonRow) => Promise<void>,
): Promise<EnrolmentRow> {
  const personRowSaved = await upsertPerson(db, deps, person, whenFoundLate)
  await assertNoOverlap(db, personRowSaved.id, q, { catalogue: catalogueOr422(deps.catalogues, q.catalogueId), unitId: extras.unitId })
  const row = enrolmentRowOf(q, personRowSaved.id, extras, newId('enr', deps.clock.now()), nowIso(deps.clock))
  await insertEnrolments(db, [row], extras.split ?? null, deps.catalogues)
  // Paid on its own: its payment code (缴费识别码) for a transfer's memo.
  if (extras.rosterId === null) await issueEnrolmentCodes(db, deps.clock, [row.id])
  return row as EnrolmentRow
}

/**
 * A member enrols themself (instant mode) from their real-name profile, priced
 * today (China date). An event sets the funding from the event; else the member pays.
 * A person already on record (a roster, an event) is enrolled only by an account
 * linked to them (DOMAIN.md, "Identity": 409 `identity_unverified`, nothing
 * changed); a new person is linked to the account that enrolled them.
 */
export async function enrolSelf(db: Db, deps: EnrolDeps, userId: string, body: SelfEnrolmentRequest): Promise<EnrolmentRow> {
  const profileRow = await findProfileRow(db, userId)
  if (!profileRow) throw new AppError(422, 'profile_required')
  const profile = decodeProfile(profileRow, deps.protector)
  const catalogue = catalogueOr422(deps.catalogues, body.catalogueId)
  let fundingSource: FundingSource = 'member'
  if (body.eventId !== undefined) {
    const event = await findEventById(db, body.eventId)
    if (!event) throw new AppError(422, 'event_not_found', { details: [{ path: 'eventId', code: 'event_not_found' }] })
    if (event.catalogue_id !== catalogue.id) throw new AppError(422, 'event_catalogue_mismatch')
    fundingSource = event.funding_source as FundingSource
  }
  const today = todayInChina(deps.clock)
  assertEligible(catalogue, { unionMember: profile.unionMember, basicMedicalInsurance: profile.basicMedicalInsurance, occupation: profile.occupation, birthDate: profile.birthDate }, today)
  const q = priceSelection(catalogue, toSelection(body.products), 'instant', today)
  if (body.expectedPremiumFen !== undefined && body.expectedPremiumFen !== q.premiumFen) {
    throw new AppError(409, 'quote_changed', { details: [{ premiumFen: q.premiumFen }] })
  }
  // A gift comes out of the event's budget (locked until the commit, so two at once never overspend it).
  if (fundingSource === 'union_gift') await takeGift(db, body.eventId!, body.products, today)
  const known = await findPersonByHash(db, profileRow.id_number_hash)
  if (known && !(await isLinked(db, userId, known.id))) throw new AppError(409, 'identity_unverified')
  const person: PersonInput = {
    name: profile.name,
    idNumber: { value: profile.idNumber, sex: profile.sex, birthDate: profile.birthDate },
    mobile: profile.mobile, occupation: profile.occupation, platform: profile.platform, basicMedicalInsurance: profile.basicMedicalInsurance,
  }
  // A person another transaction added after the read above is on record too: this account must be linked to them.
  const linkedOrRefuse = async (person: InsuredPersonRow) => {
    if (!(await isLinked(db, userId, person.id))) throw new AppError(409, 'identity_unverified')
  }
  const row = await enrolPerson(db, deps, person, q, { fundingSource, unitId: null, eventId: body.eventId ?? null, rosterId: null, createdBy: userId }, linkedOrRefuse)
  if (!known) await linkOwnEnrolment(db, deps.clock, userId, row.insured_person_id)
  return row
}

/** One enrolment with its person, unit and payment, or 404. */
export async function loadView(db: Db, id: string): Promise<EnrolmentView> {
  const row = await findEnrolment(db, id)
  if (!row) throw notFound('enrolment_not_found')
  return (await loadViews(db, [row]))[0]!
}

/** Staff cancel an enrolment (pending or active); a second cancel is a 409. */
export async function cancelEnrolment(db: Db, deps: EnrolDeps, id: string): Promise<EnrolmentRow> {
  const row = await findEnrolment(db, id)
  if (!row) throw notFound('enrolment_not_found')
  if (!(await setEnrolmentCancelled(db, id, nowIso(deps.clock)))) throw conflict('enrolment_already_cancelled')
  return (await findEnrolment(db, id))!
}
