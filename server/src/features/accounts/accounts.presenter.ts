import { maskMobile, type MeResponse, type RoleGrant, type SessionResponse, type UserSummary } from '@huzhu/shared'
import { unseal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import { asGrantableRole, rolesOf } from './roles'
import type { RoleGrantRow } from './role-grants.table'
import type { IssuedSession } from './sessions.service'
import type { UserRow } from './users.table'

export function presentSession(session: IssuedSession): SessionResponse {
  return { token: session.token, expiresAt: session.expiresAt, user: { id: session.user.id, roles: session.user.roles } }
}

export function presentGrant(row: RoleGrantRow): RoleGrant {
  return { id: row.id, role: asGrantableRole(row.role), unitId: row.unit_id, grantedAt: row.granted_at }
}

function maskedLoginPhone(user: UserRow, protector: DataProtector): string | null {
  if (user.phone_ciphertext === null) return null
  return maskMobile(unseal(protector, 'users.phone', user.id, user.phone_ciphertext))
}

export function presentMe(user: UserRow, grants: readonly RoleGrantRow[], hasProfile: boolean, protector: DataProtector): MeResponse {
  return {
    id: user.id,
    roles: rolesOf(grants),
    grants: grants.map(presentGrant),
    phoneMasked: maskedLoginPhone(user, protector),
    wechatLinked: user.wechat_openid !== null,
    hasProfile,
  }
}

export function presentUserSummary(user: UserRow, grants: readonly RoleGrantRow[], hasProfile: boolean, protector: DataProtector): UserSummary {
  return { ...presentMe(user, grants, hasProfile, protector), createdAt: user.created_at, disabled: user.disabled_at !== null }
}
