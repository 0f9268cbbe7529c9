import { roles as allRoles, type GrantableRole, type Role } from '@huzhu/shared'
import type { RoleGrantRow } from './role-grants.table'

/** Every account is a member; the other roles come from its grants. In the canonical order. */
export function rolesOf(grants: readonly Pick<RoleGrantRow, 'role'>[]): Role[] {
  const held = new Set<string>(['member', ...grants.map((g) => g.role)])
  return allRoles.filter((r) => held.has(r))
}

export function unitIdsOf(grants: readonly Pick<RoleGrantRow, 'role' | 'unit_id'>[]): string[] {
  return grants.filter((g) => g.role === 'unit_admin' && g.unit_id !== null).map((g) => g.unit_id as string)
}

export function asGrantableRole(role: string): GrantableRole {
  return role as GrantableRole
}
