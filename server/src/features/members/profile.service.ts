import { nowIso, type Clock } from '../../clock'
import { hashIdNumber, hashPhone, seal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import { failure, success, type Outcome } from '../../outcome'
import { ID_NUMBER_AND_MOBILE, recordAudit, type AuditActor } from '../audit/audit.service'
import { activeConsentRow, findProfileRow, findProfileRowByIdHash, insertProfileRow, updateProfileRow } from './members.repository'
import type { MemberProfileRow } from './member-profiles.table'
import { changedFields, decodeProfile, type MemberProfile, type ProfileInput } from './profile'

export interface ProfileDeps {
  clock: Clock
  protector: DataProtector
}

const RESOURCE = 'member_profile'

/**
 * Saves the member's own profile. The ID number needs the
 * `sensitive_personal_info` consent first (PIPL art. 29); one ID number belongs
 * to one account. ID number and mobile are stored encrypted plus keyed hashes;
 * the change is audited in the same transaction.
 */
export async function saveOwnProfile(db: Db, deps: ProfileDeps, userId: string, input: ProfileInput, actor: AuditActor): Promise<Outcome<MemberProfile>> {
  if (!(await activeConsentRow(db, userId, 'sensitive_personal_info'))) {
    return failure(new AppError(403, 'consent_required', { details: [{ kind: 'sensitive_personal_info' }] }))
  }
  const { protector, clock } = deps
  const idNumberHash = hashIdNumber(protector, input.idNumber.value)
  const holder = await findProfileRowByIdHash(db, idNumberHash)
  if (holder && holder.user_id !== userId) return failure(new AppError(409, 'id_number_in_use'))

  const existingRow = await findProfileRow(db, userId)
  const before = existingRow ? decodeProfile(existingRow, protector) : undefined
  const now = nowIso(clock)
  const row: MemberProfileRow = {
    user_id: userId,
    name: input.name,
    id_number_ciphertext: seal(protector, 'member_profiles.id_number', userId, input.idNumber.value),
    id_number_hash: idNumberHash,
    sex: input.idNumber.sex,
    birth_date: input.idNumber.birthDate,
    mobile_ciphertext: seal(protector, 'member_profiles.mobile', userId, input.mobile),
    mobile_hash: hashPhone(protector, input.mobile),
    occupation: input.occupation,
    platform: input.platform,
    basic_medical_insurance: input.basicMedicalInsurance ? 1 : 0,
    union_member: input.unionMember ? 1 : 0,
    created_at: existingRow?.created_at ?? now,
    updated_at: now,
  }
  if (existingRow) await updateProfileRow(db, row)
  else await insertProfileRow(db, row)
  const after = decodeProfile(row, protector)
  await recordAudit(db, clock, actor, {
    subjectUserId: userId, action: existingRow ? 'update' : 'create', resource: RESOURCE, fields: changedFields(before, after),
  })
  return success(after)
}

/**
 * Reads a member's profile for someone (the member, or staff who see it
 * masked), auditing the read of the sensitive fields.
 */
export async function readProfile(db: Db, deps: ProfileDeps, subjectUserId: string, actor: AuditActor): Promise<MemberProfile | undefined> {
  const row = await findProfileRow(db, subjectUserId)
  if (!row) return undefined
  await recordAudit(db, deps.clock, actor, { subjectUserId, action: 'read', resource: RESOURCE, fields: ID_NUMBER_AND_MOBILE })
  return decodeProfile(row, deps.protector)
}

/** Finds a member by ID number through its keyed hash; the search is audited, found or not. */
export async function findProfileByIdNumber(db: Db, deps: ProfileDeps, idNumber: string, actor: AuditActor): Promise<MemberProfile | undefined> {
  const row = await findProfileRowByIdHash(db, hashIdNumber(deps.protector, idNumber))
  await recordAudit(db, deps.clock, actor, { subjectUserId: row?.user_id ?? null, action: 'search', resource: RESOURCE, fields: ['idNumber'] })
  return row ? decodeProfile(row, deps.protector) : undefined
}
