import type { Middleware } from 'koa'
import type { Role } from '@huzhu/shared'
import { nowIso } from '../../clock'
import { tokenHash } from '../../crypto/tokens'
import type { AppContext, AppContextExtras, AppState, AuthUser } from '../../http/context'
import { AppError, forbidden, unauthenticated } from '../../http/errors'
import type { Access } from '../../http/route'
import { rolesOf, unitIdsOf } from './roles'
import { findSessionWithGrants } from './sessions.repository'

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/

/** The account behind `Authorization: Bearer <token>`, or a 401 (none, unknown, revoked, expired) / 403 (disabled). */
export async function authenticate(ctx: Pick<AppContext, 'get' | 'deps'>): Promise<AuthUser> {
  const match = BEARER.exec(ctx.get('Authorization'))
  if (!match) throw unauthenticated()
  const { readDb, clock } = ctx.deps
  // Read afresh on every request, never cached: a logout, a revoked role or a disabled account holds at once on every node.
  const rows = await findSessionWithGrants(readDb, tokenHash(match[1]!))
  const session = rows[0]
  if (!session || session.revokedAt !== null) throw unauthenticated()
  if (session.expiresAt <= nowIso(clock)) throw unauthenticated('session_expired')
  if (session.disabledAt !== null) throw new AppError(403, 'account_disabled')
  const grants = rows.flatMap(({ role, unitId }) => (role === null ? [] : [{ role, unit_id: unitId }]))
  return { id: session.userId, sessionId: session.sessionId, roles: new Set(rolesOf(grants)), unitIds: new Set(unitIdsOf(grants)) }
}

/** The signed-in account of a route whose access is not public. */
export function currentUser(ctx: { state: AppState }): AuthUser {
  if (!ctx.state.user) throw unauthenticated()
  return ctx.state.user
}

export function hasAnyRole(user: AuthUser, roles: readonly Role[]): boolean {
  return roles.some((r) => user.roles.has(r))
}

/**
 * Middleware: the caller must hold one of the roles (authenticating first if
 * no earlier middleware did). Routes get it from their `access`; it is exported
 * for routers that need it directly.
 */
export function requireRole(...roles: Role[]): Middleware<AppState, AppContextExtras> {
  return async (ctx, next) => {
    ctx.state.user ??= await authenticate(ctx as AppContext)
    if (!hasAnyRole(ctx.state.user, roles)) throw forbidden()
    await next()
  }
}

const signedIn: Middleware<AppState, AppContextExtras> = async (ctx, next) => {
  ctx.state.user ??= await authenticate(ctx as AppContext)
  await next()
}

/** The guard for a route's declared access (see http/mount.ts). */
export function guardFor(access: Access): Middleware<AppState, AppContextExtras> | undefined {
  if (access === 'public') return undefined
  if (access === 'signed_in') return signedIn
  return requireRole(...access.roles)
}

/** Staff and admins reach every unit; a unit admin only their own. */
export function canReachUnit(user: AuthUser, unitId: string): boolean {
  return user.roles.has('admin') || user.roles.has('staff') || user.unitIds.has(unitId)
}

export function assertUnitAccess(user: AuthUser, unitId: string): void {
  if (!canReachUnit(user, unitId)) throw forbidden()
}
