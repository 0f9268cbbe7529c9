import type { Role } from '@huzhu/shared'
import { isoPlusSeconds, nowIso, type Clock } from '../../clock'
import type { Config } from '../../config'
import type { DataProtector } from '../../crypto/protector'
import { newToken, tokenHash } from '../../crypto/tokens'
import type { Db } from '../../db/open'
import { AppError, tooManyRequests } from '../../http/errors'
import { newId } from '../../ids'
import { failure, success, type Outcome } from '../../outcome'
import { checkRateLimits } from '../rate-limits/rate-limits.service'
import { rolesOf } from './roles'
import { insertSession, revokeSession } from './sessions.repository'
import { verifyLoginCode } from './sms-codes.service'
import { findUserByPhoneHash, findUserByWechatOpenid, insertUserIfAbsent, listGrants, setLastLogin } from './users.repository'
import type { UserRow } from './users.table'
import type { WechatIdentity } from './wechat'
import { hashPhone, seal } from '../../crypto/personal-data'
import { applyUnitAdminInvitations } from '../units/unit-admin-invitations.service'

export interface SessionDeps {
  clock: Clock
  protector: DataProtector
  config: Config
}

export interface IssuedSession {
  token: string
  expiresAt: string
  user: { id: string; roles: Role[] }
}

async function startSession(db: Db, deps: SessionDeps, user: UserRow, method: 'sms' | 'wechat'): Promise<Outcome<IssuedSession>> {
  if (user.disabled_at !== null) return failure(new AppError(403, 'account_disabled'))
  const token = newToken()
  const now = nowIso(deps.clock)
  const expiresAt = isoPlusSeconds(deps.clock, deps.config.sessionTtlDays * 86_400)
  await insertSession(db, {
    id: newId('ses', deps.clock.now()), user_id: user.id, token_hash: tokenHash(token), method, created_at: now, expires_at: expiresAt, revoked_at: null,
  })
  await setLastLogin(db, user.id, now)
  return success({ token, expiresAt, user: { id: user.id, roles: rolesOf(await listGrants(db, user.id)) } })
}

/** The account with this login phone, created on first login. */
export async function findOrCreatePhoneUser(db: Db, deps: SessionDeps, phone: string): Promise<UserRow> {
  const phoneHash = hashPhone(deps.protector, phone)
  const existing = await findUserByPhoneHash(db, phoneHash)
  if (existing) return existing
  const id = newId('usr', deps.clock.now())
  const row: UserRow = {
    id, phone_hash: phoneHash, phone_ciphertext: seal(deps.protector, 'users.phone', id, phone),
    wechat_openid: null, created_at: nowIso(deps.clock), last_login_at: null, disabled_at: null,
  }
  if (await insertUserIfAbsent(db, row, 'phone_hash')) return row
  // Made meanwhile by a sign-in with the same phone that committed first.
  return (await findUserByPhoneHash(db, phoneHash))!
}

/**
 * SMS login: per-IP attempt limit, the code check, the account (new on first
 * login), the unit-admin roles invited to this phone, a session.
 */
export async function loginWithSmsCode(
  db: Db, deps: SessionDeps, input: { phone: string; code: string; ip: string; requestId?: string | null },
): Promise<Outcome<IssuedSession>> {
  const limited = await checkRateLimits(db, deps, [
    { bucket: 'login_ip', key: input.ip, windows: [{ seconds: 600, max: deps.config.sms.perIpLoginAttempts }] },
  ])
  if (!limited.ok) return failure(tooManyRequests(limited.retryAfterSeconds))
  const verified = await verifyLoginCode(db, deps, input.phone, input.code)
  if (!verified.ok) return verified
  const user = await findOrCreatePhoneUser(db, deps, input.phone)
  await applyUnitAdminInvitations(db, deps.clock, user, { userId: user.id, ip: input.ip || null, requestId: input.requestId ?? null })
  return startSession(db, deps, user, 'sms')
}

/** WeChat login, after code2Session succeeded: the account with this openid (new on first login), a session. */
export async function loginWithWechat(db: Db, deps: SessionDeps, identity: WechatIdentity): Promise<Outcome<IssuedSession>> {
  let user = await findUserByWechatOpenid(db, identity.openid)
  if (!user) {
    const row: UserRow = {
      id: newId('usr', deps.clock.now()), phone_hash: null, phone_ciphertext: null, wechat_openid: identity.openid,
      created_at: nowIso(deps.clock), last_login_at: null, disabled_at: null,
    }
    // Two first WeChat logins at once: the openid's unique index makes one account, the other takes it.
    user = (await insertUserIfAbsent(db, row, 'wechat_openid')) ? row : (await findUserByWechatOpenid(db, identity.openid))!
  }
  return startSession(db, deps, user, 'wechat')
}

export async function logout(db: Db, clock: Clock, sessionId: string): Promise<void> {
  await revokeSession(db, sessionId, nowIso(clock))
}
