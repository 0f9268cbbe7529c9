import { parseIdNumber, toSelection, type AssistedEnrolmentRequest, type CivilDate, type FundingSource, type Occupation, type Quote } from '@huzhu/shared'
import { isoPlusSeconds, nowIso, todayInChina, type Clock } from '../../clock'
import { hashIdNumber, hashPhone, seal, unseal } from '../../crypto/personal-data'
import type { Db } from '../../db/open'
import { AppError, notFound, tooManyRequests } from '../../http/errors'
import { newId } from '../../ids'
import { failure, success, type Outcome } from '../../outcome'
import { phoneCodeLimit, storeLoginCode, type SmsCodeDeps } from '../accounts/sms-codes.service'
import { findUserById } from '../accounts/users.repository'
import { ID_NUMBER_AND_MOBILE, recordAudit, type AuditActor } from '../audit/audit.service'
import { assertEligible, assertNoOverlap, catalogueOr422, enrolPerson, priceSelection, type EnrolDeps } from '../enrolments/enrolments.service'
import { findPersonByHash } from '../enrolments/insured-persons.repository'
import type { EnrolmentRow } from '../enrolments/enrolments.table'
import { takeGift } from '../events/event-gifts'
import { findEventById } from '../events/events.repository'
import type { OutreachEventRow } from '../events/events.table'
import { insertLinks } from '../identity/person-accounts.repository'
import { CONSENT_TEXT_VERSIONS } from '../members/consent-versions'
import { giveConsent } from '../members/consents.service'
import { checkRateLimits } from '../rate-limits/rate-limits.service'
import { deleteExpiredUnconfirmed, insertAssistedEnrolment, lockAssistedEnrolment, markConfirmed } from './assisted-enrolments.repository'
import type { AssistedEnrolmentRow } from './assisted-enrolments.table'

export type AssistedDeps = EnrolDeps & SmsCodeDeps

/** How long the rider has to confirm: after that it is expired and never cover. */
export const ASSISTED_TTL_SECONDS = 86_400

/** Codes one staff member may have sent for riders: enough for a busy event, not for a script. */
const STAFF_WINDOWS = [{ seconds: 3600, max: 40 }, { seconds: 86_400, max: 200 }]

async function eventOr404(db: Db, eventId: string): Promise<OutreachEventRow> {
  const event = await findEventById(db, eventId)
  if (!event) throw notFound('event_not_found')
  return event
}

interface Rider {
  name: string
  idNumber: { value: string; sex: 'M' | 'F'; birthDate: string }
  mobile: string
  occupation: Occupation
  platform: string
  basicMedicalInsurance: boolean
  unionMember: boolean
}

/**
 * The checks self-enrolment makes, for a rider at an event on `today`: the
 * catalogue's eligibility, the selection priced with the shared engine, the
 * gift's budget (products, dates, how many: the event row is locked), no live
 * cover overlapping. Throws the same refusals; writes nothing.
 */
async function checkAtEvent(db: Db, deps: AssistedDeps, event: OutreachEventRow, rider: Rider, products: readonly string[], today: CivilDate): Promise<Quote> {
  const catalogue = catalogueOr422(deps.catalogues, event.catalogue_id)
  assertEligible(catalogue, { unionMember: rider.unionMember, basicMedicalInsurance: rider.basicMedicalInsurance, occupation: rider.occupation, birthDate: rider.idNumber.birthDate }, today)
  const q = priceSelection(catalogue, toSelection(products), 'instant', today)
  if (event.funding_source === 'union_gift') await takeGift(db, event.id, products, today)
  const known = await findPersonByHash(db, hashIdNumber(deps.protector, rider.idNumber.value))
  if (known) await assertNoOverlap(db, known.id, q, { catalogue, unitId: null })
  return q
}

/**
 * A staff member enters a rider at an event (代办): checked like a
 * self-enrolment, stored waiting for the rider (ID number and phone sealed), and
 * a login code queued by SMS to the rider's phone (sent after the commit). Limits:
 * the phone's login-code limits and the staff member's own; a refusal by a limit
 * still commits the count (Outcome). Nothing is enrolled here.
 */
export async function createAssisted(db: Db, deps: AssistedDeps, staff: AuditActor & { userId: string }, eventId: string, body: AssistedEnrolmentRequest): Promise<Outcome<AssistedEnrolmentRow>> {
  const event = await eventOr404(db, eventId)
  const staffUser = await findUserById(db, staff.userId)
  if (staffUser?.phone_hash && staffUser.phone_hash === hashPhone(deps.protector, body.mobile)) throw new AppError(403, 'assisted_enrolment_own')
  const q = await checkAtEvent(db, deps, event, body, body.products, todayInChina(deps.clock))
  if (body.expectedPremiumFen !== undefined && body.expectedPremiumFen !== q.premiumFen) {
    throw new AppError(409, 'quote_changed', { details: [{ premiumFen: q.premiumFen }] })
  }
  const limited = await checkRateLimits(db, deps, [
    { bucket: 'assisted_staff', key: staff.userId, windows: STAFF_WINDOWS },
    phoneCodeLimit(deps, body.mobile),
  ])
  if (!limited.ok) return failure(tooManyRequests(limited.retryAfterSeconds))
  const id = newId('asn', deps.clock.now())
  const row: AssistedEnrolmentRow = {
    id, event_id: event.id, staff_user_id: staff.userId, name: body.name,
    id_number_ciphertext: seal(deps.protector, 'assisted_enrolments.id_number', id, body.idNumber.value),
    id_number_hash: hashIdNumber(deps.protector, body.idNumber.value),
    mobile_ciphertext: seal(deps.protector, 'assisted_enrolments.mobile', id, body.mobile),
    mobile_hash: hashPhone(deps.protector, body.mobile),
    occupation: body.occupation, platform: body.platform,
    basic_medical_insurance: body.basicMedicalInsurance ? 1 : 0, union_member: body.unionMember ? 1 : 0,
    products: JSON.stringify(body.products), premium_fen: q.premiumFen,
    created_at: nowIso(deps.clock), expires_at: isoPlusSeconds(deps.clock, ASSISTED_TTL_SECONDS),
    confirmed_at: null, confirmed_by: null, enrolment_id: null, consent_id: null,
  }
  await insertAssistedEnrolment(db, row)
  await storeLoginCode(db, deps, body.mobile)
  await recordAudit(db, deps.clock, staff, { subjectUserId: null, action: 'create', resource: 'assisted_enrolment', fields: ID_NUMBER_AND_MOBILE })
  return success(row)
}

/**
 * The rider confirms on their own phone, signed in with the SMS code (their
 * account's proven phone is the one the staff member entered; another account
 * finds nothing: 404). The consent is recorded against the text version shown,
 * the rider is checked and priced again as of today, the gift taken from the
 * event's budget (refused beyond it, nothing changed), and the enrolment written,
 * attributed to the event and the staff member; the account is linked to the
 * person by its proven phone (DOMAIN.md "Identity").
 */
export async function confirmAssisted(db: Db, deps: AssistedDeps, actor: AuditActor & { userId: string }, id: string, textVersion: string): Promise<EnrolmentRow> {
  const row = await lockAssistedEnrolment(db, id)
  const user = await findUserById(db, actor.userId)
  if (!row || !user?.phone_hash || user.phone_hash !== row.mobile_hash) throw notFound('assisted_enrolment_not_found')
  if (row.confirmed_at !== null) throw new AppError(409, 'assisted_enrolment_already_confirmed')
  const now = nowIso(deps.clock)
  if (row.expires_at <= now) throw new AppError(409, 'assisted_enrolment_expired')
  if (textVersion !== CONSENT_TEXT_VERSIONS.sensitive_personal_info) throw new AppError(409, 'assisted_enrolment_consent_outdated')
  const event = await eventOr404(db, row.event_id)
  const today = todayInChina(deps.clock)
  const parsed = parseIdNumber(unseal(deps.protector, 'assisted_enrolments.id_number', row.id, row.id_number_ciphertext), today)
  if (!parsed.ok) throw new Error('a stored ID number no longer parses')
  const rider: Rider = {
    name: row.name, idNumber: parsed.value, mobile: unseal(deps.protector, 'assisted_enrolments.mobile', row.id, row.mobile_ciphertext),
    occupation: row.occupation as Occupation, platform: row.platform,
    basicMedicalInsurance: row.basic_medical_insurance === 1, unionMember: row.union_member === 1,
  }
  const products = JSON.parse(row.products) as string[]
  const q = await checkAtEvent(db, deps, event, rider, products, today)
  if (q.premiumFen !== Number(row.premium_fen)) throw new AppError(409, 'quote_changed', { details: [{ premiumFen: q.premiumFen }] })
  const consent = await giveConsent(db, deps.clock, actor.userId, { kind: 'sensitive_personal_info', textVersion }, actor)
  const enrolment = await enrolPerson(db, deps, rider, q, {
    fundingSource: event.funding_source as FundingSource, unitId: null, eventId: event.id, rosterId: null, createdBy: row.staff_user_id,
  })
  await insertLinks(db, [{ insured_person_id: enrolment.insured_person_id, user_id: actor.userId, via: 'phone', verified_by: null, created_at: now }])
  if (!(await markConfirmed(db, row.id, { confirmed_at: now, confirmed_by: actor.userId, enrolment_id: enrolment.id, consent_id: consent.id }))) {
    throw new AppError(409, 'assisted_enrolment_already_confirmed')
  }
  await recordAudit(db, deps.clock, actor, { subjectUserId: actor.userId, action: 'create', resource: 'enrolment', fields: ID_NUMBER_AND_MOBILE })
  return enrolment
}

/** How long staff still see an expired entry (as expired) before it is removed. */
export const EXPIRED_SHOWN_SECONDS = 86_400

/**
 * The hourly job: entries the rider never confirmed are removed a day after
 * they expired, ID number and phone with them (no consent was given to keep them).
 */
export async function purgeExpiredAssisted(db: Db, clock: Clock): Promise<number> {
  return deleteExpiredUnconfirmed(db, isoPlusSeconds(clock, -EXPIRED_SHOWN_SECONDS))
}
