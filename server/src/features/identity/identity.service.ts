import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError, notFound } from '../../http/errors'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import { findPersonByHash } from '../enrolments/insured-persons.repository'
import { findProfileRow } from '../members/members.repository'
import { insertLinks, isLinked, linkByProvenPhone } from './person-accounts.repository'

/**
 * DOMAIN.md, "Identity: who may see and claim a cover". An account proves a
 * phone, not a person. It is linked to an insured person (`person_accounts`)
 * only by proof: its login phone is the person's phone, it enrolled the person
 * itself, or office staff verified the person. Nobody acts on a claim on their
 * own cover, whichever account they use.
 */

/** Roles that act on claims (review, payment, medical-insurance imports). */
export const CLAIM_HANDLING_ROLES = ['staff', 'reviewer', 'admin'] as const

/** After persons were written (roster, new hire, event): link accounts that proved the person's phone. */
export function linkProvenAccounts(db: Db, clock: Clock, personIds: readonly string[]): Promise<void> {
  return linkByProvenPhone(db, nowIso(clock), { personIds })
}

/** After an account saved its profile: link it to the person with that ID number if it proved the person's phone. */
export function linkProvenPersons(db: Db, clock: Clock, userId: string): Promise<void> {
  return linkByProvenPhone(db, nowIso(clock), { userId })
}

/** The account enrolled the person itself (a new person from its own profile). */
export function linkOwnEnrolment(db: Db, clock: Clock, userId: string, personId: string): Promise<void> {
  return insertLinks(db, [{ insured_person_id: personId, user_id: userId, via: 'enrolment', verified_by: null, created_at: nowIso(clock) }])
}

export { isLinked }

/**
 * Office staff verified, with the person in front of them, that this account's
 * owner is the person its profile names: the account is linked to that person
 * and the verification is audited.
 */
export async function verifyPersonOfAccount(db: Db, clock: Clock, staff: AuditActor & { userId: string }, userId: string): Promise<string> {
  if (staff.userId === userId) throw new AppError(403, 'identity_own_verification')
  const profile = await findProfileRow(db, userId)
  if (!profile) throw notFound('profile_required')
  const person = await findPersonByHash(db, profile.id_number_hash)
  if (!person) throw notFound('identity_no_enrolment')
  await insertLinks(db, [{ insured_person_id: person.id, user_id: userId, via: 'staff', verified_by: staff.userId, created_at: nowIso(clock) }])
  await recordAudit(db, clock, staff, { subjectUserId: userId, action: 'verify', resource: 'person_identity', fields: ['idNumber'] })
  return person.id
}

/**
 * Whether a claim on this person's cover is the actor's own: the actor's account
 * is linked to the person, or the actor's own profile holds the person's ID number.
 */
export async function isOwnCover(db: Db, actorId: string, personId: string): Promise<boolean> {
  return (await ownCoverPersonIds(db, actorId, [personId])).has(personId)
}

/** Of these persons, those whose cover is the actor's own (see isOwnCover), in one query. */
export async function ownCoverPersonIds(db: Db, actorId: string, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set()
  const rows = await db.selectFrom('insured_persons as p').select('p.id').where('p.id', 'in', [...personIds])
    .where((eb) => eb.or([
      eb.exists(eb.selectFrom('person_accounts as l').select('l.user_id').whereRef('l.insured_person_id', '=', 'p.id').where('l.user_id', '=', actorId)),
      eb.exists(eb.selectFrom('member_profiles as m').select('m.user_id').whereRef('m.id_number_hash', '=', 'p.id_number_hash').where('m.user_id', '=', actorId)),
    ]))
    .execute()
  return new Set(rows.map((r) => r.id))
}

/**
 * Someone who handles claims (decides, pays, imports medical-insurance records)
 * acts only with their own real-name profile on file, so the system can keep
 * them off their own cover (403).
 */
export async function assertClaimHandlerKnown(db: Db, actorId: string): Promise<void> {
  if (!(await findProfileRow(db, actorId))) throw new AppError(403, 'claim_handler_profile_required')
}

/** A reviewer never decides a claim on their own cover, whichever account filed it (403). */
export async function assertNotOwnCover(db: Db, actorId: string, personId: string): Promise<void> {
  await assertClaimHandlerKnown(db, actorId)
  if (await isOwnCover(db, actorId, personId)) throw new AppError(403, 'claim_own_not_reviewable')
}

/**
 * Whether any account that is this person (linked, or whose profile holds the
 * person's ID number) holds a role that handles claims: such a person's claims
 * always go to a reviewer, never straight through.
 */
export async function personHandlesClaims(db: Db, personId: string): Promise<boolean> {
  return (await personIdsHandlingClaims(db, [personId])).has(personId)
}

/** Of these persons, those who handle claims (see personHandlesClaims), in one query. */
export async function personIdsHandlingClaims(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set()
  const ids = [...personIds]
  const linked = await db.selectFrom('person_accounts as u').select('u.insured_person_id as id')
    .where('u.insured_person_id', 'in', ids)
    .where((eb) => eb.exists(eb.selectFrom('role_grants as g').select('g.user_id').whereRef('g.user_id', '=', 'u.user_id').where('g.role', 'in', CLAIM_HANDLING_ROLES)))
    .execute()
  const byProfile = await db.selectFrom('member_profiles as u').innerJoin('insured_persons as p', 'p.id_number_hash', 'u.id_number_hash').select('p.id')
    .where('p.id', 'in', ids)
    .where((eb) => eb.exists(eb.selectFrom('role_grants as g').select('g.user_id').whereRef('g.user_id', '=', 'u.user_id').where('g.role', 'in', CLAIM_HANDLING_ROLES)))
    .execute()
  return new Set([...linked, ...byProfile].map((r) => r.id))
}
