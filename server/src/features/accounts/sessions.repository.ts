import type { Db } from '../../db/open'
import type { NewSessionRow } from './sessions.table'

export async function insertSession(db: Db, row: NewSessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
}

/**
 * The session a token hash names, with its account's state and its role grants, in one query (one
 * snapshot, one round trip before every signed-in request): a row per grant, or one row with a null
 * `role` for an account without any; no rows for an unknown token.
 */
export function findSessionWithGrants(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('role_grants', 'role_grants.user_id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId', 'sessions.user_id as userId', 'sessions.expires_at as expiresAt',
      'sessions.revoked_at as revokedAt', 'users.disabled_at as disabledAt', 'role_grants.role as role', 'role_grants.unit_id as unitId',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .orderBy('role_grants.granted_at')
    .orderBy('role_grants.id')
    .execute()
}

export async function revokeSession(db: Db, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute()
}
