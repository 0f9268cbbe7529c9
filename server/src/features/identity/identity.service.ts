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
  const row = await db.selectFrom('insured_persons as p').select('p.id').where('p.id', '=', personId)
    .where((eb) => eb.or([
      eb.exists(eb.selectFrom('person_accounts as l').select('l.user_id').whereRef('l.insured_person_id', '=', 'p.id').where('l.user_id', '=', actorId)),
      eb.exists(eb.selectFrom('member_profiles as m').select('m.user_id').whereRef('m.id_number_hash', '=', 'p.id_number_hash').where('m.user_id', '=', actorId)),
    ]))
    .executeTakeFirst()
  return row !== undefined
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
  const row = await db.selectFrom('role_grants as g').select('g.user_id')
    .where('g.role', 'in', CLAIM_HANDLING_ROLES)
    .where((eb) => eb.or([
      eb('g.user_id', 'in', eb.selectFrom('person_accounts').select('user_id').where('insured_person_id', '=', personId)),
      eb('g.user_id', 'in', eb.selectFrom('member_profiles as m').innerJoin('insured_persons as p', 'p.id_number_hash', 'm.id_number_hash').select('m.user_id').where('p.id', '=', personId)),
    ]))
    .executeTakeFirst()
  return row !== undefined
}
