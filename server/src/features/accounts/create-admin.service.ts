import type { Clock } from '../../clock'
import type { Config } from '../../config'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { grantRole } from './roles.service'
import { findOrCreatePhoneUser } from './sessions.service'
import { findSameGrant } from './users.repository'

/**
 * Makes the account with this login phone an admin (creating the account if
 * needed). Running it twice changes nothing. Returns the account id.
 */
export async function createAdmin(db: Db, deps: { clock: Clock; protector: DataProtector; config: Config }, phone: string): Promise<{ userId: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const user = await findOrCreatePhoneUser(trx, deps, phone)
    if (await findSameGrant(trx, user.id, 'admin', null)) return { userId: user.id, created: false }
    await grantRole(trx, deps.clock, { userId: user.id, role: 'admin', unitId: null, grantedBy: null })
    return { userId: user.id, created: true }
  })
}
