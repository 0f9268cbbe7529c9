import { nowIso, type Clock } from '../../clock'
import { hashIdNumber, hashPhone, seal, unseal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { Config } from '../../config'
import type { Db } from '../../db/open'
import { AppError, tooManyRequests } from '../../http/errors'
import { failure, success, type Outcome } from '../../outcome'
import { ID_NUMBER_AND_MOBILE, recordAudit, type AuditActor } from '../audit/audit.service'
import { CLAIM_HANDLING_ROLES, linkProvenPersons } from '../identity/identity.service'
import { unlinkOtherPersons } from '../identity/person-accounts.repository'
import { checkRateLimits, type RateLimitRule } from '../rate-limits/rate-limits.service'
import type { AuthUser } from '../../http/context'
import { activeConsentRow, findProfileRow, findProfileRowsByIdHash, insertProfileRow, updateProfileRow } from './members.repository'
import type { MemberProfileRow } from './member-profiles.table'
import { changedFields, decodeProfile, type MemberProfile, type ProfileInput } from './profile'

export interface ProfileDeps {
  clock: Clock
  protector: DataProtector
  config: Pick<Config, 'idNumberChangesPerIpHourly'>
}

const RESOURCE = 'member_profile'

/** Setting or changing the ID number on a profile, per account; per client IP from the config (an event's Wi-Fi serves many riders). */
const ID_NUMBER_CHANGES_PER_ACCOUNT = [{ seconds: 3_600, max: 3 }, { seconds: 86_400, max: 5 }] as const

/**
 * Saves the member's own profile. The ID number needs the
 * `sensitive_personal_info` consent first (PIPL art. 29). The ID number links
 * the account to nobody by itself (DOMAIN.md, "Identity"): only to a person
 * whose phone the account proved (`linkProvenPersons`), so the answer is the
 * same whether the number is enrolled, held by another account or new, and
 * setting a number is rate-limited. Someone who handles claims cannot change
 * their own number (it keeps them off their own claims). ID number and mobile
 * are stored encrypted plus keyed hashes; the change is audited in the same transaction.
 */
export async function saveOwnProfile(db: Db, deps: ProfileDeps, user: Pick<AuthUser, 'id' | 'roles'>, input: ProfileInput, actor: AuditActor): Promise<Outcome<MemberProfile>> {
  const userId = user.id
  if (!(await activeConsentRow(db, userId, 'sensitive_personal_info'))) {
    return failure(new AppError(403, 'consent_required', { details: [{ kind: 'sensitive_personal_info' }] }))
  }
  const { protector, clock } = deps
  const idNumberHash = hashIdNumber(protector, input.idNumber.value)
  const existingRow = await findProfileRow(db, userId)
  const idChanged = existingRow?.id_number_hash !== idNumberHash
  if (idChanged) {
    if (existingRow && CLAIM_HANDLING_ROLES.some((r) => user.roles.has(r))) return failure(new AppError(409, 'id_number_locked'))
    const rules: RateLimitRule[] = [{ bucket: 'profile_id_account', key: userId, windows: ID_NUMBER_CHANGES_PER_ACCOUNT }]
    if (actor.ip) rules.push({ bucket: 'profile_id_ip', key: actor.ip, windows: [{ seconds: 3_600, max: deps.config.idNumberChangesPerIpHourly }] })
    const limited = await checkRateLimits(db, deps, rules)
    if (!limited.ok) return failure(tooManyRequests(limited.retryAfterSeconds))
  }
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
  if (idChanged) {
    await unlinkOtherPersons(db, userId, idNumberHash)
    await linkProvenPersons(db, clock, userId)
  }
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

/**
 * An account a search found: its profile, when the profile was made, its login
 * phone (decrypted, in memory only: the presenter masks it) and whether it is
 * already linked to the insured person with this ID number.
 */
export interface ProfileSearchHit {
  profile: MemberProfile
  profileCreatedAt: string
  loginPhone: string | null
  linked: boolean
}

/** Finds the accounts whose profile holds an ID number, through its keyed hash; the search is audited, found or not. */
export async function findProfilesByIdNumber(db: Db, deps: ProfileDeps, idNumber: string, actor: AuditActor): Promise<ProfileSearchHit[]> {
  const rows = await findProfileRowsByIdHash(db, hashIdNumber(deps.protector, idNumber))
  if (rows.length === 0) await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'search', resource: RESOURCE, fields: ['idNumber'] })
  for (const row of rows) await recordAudit(db, deps.clock, actor, { subjectUserId: row.user_id, action: 'search', resource: RESOURCE, fields: ['idNumber'] })
  return rows.map((row) => ({
    profile: decodeProfile(row, deps.protector),
    profileCreatedAt: row.created_at,
    loginPhone: row.login_phone_ciphertext === null ? null : unseal(deps.protector, 'users.phone', row.user_id, row.login_phone_ciphertext),
    linked: row.linked,
  }))
}
