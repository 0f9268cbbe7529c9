import { todayInChina } from '../../clock'
import type { AppContext, AuthUser } from '../../http/context'
import { hasAnyRole } from '../accounts/access'
import { loadClaimRecord } from './claim-record'
import { presentClaim, type ClaimViewer } from './claims.presenter'
import type { ClaimRow } from './claims.table'

/** What this user sees of a claim (see ClaimViewer). */
export function viewerFor(ctx: Pick<AppContext, 'deps'>, user: AuthUser, claim: Pick<ClaimRow, 'member_user_id'>): ClaimViewer {
  const own = claim.member_user_id === user.id
  const reviewer = user.roles.has('reviewer')
  return { fullName: own || reviewer, flags: hasAnyRole(user, ['reviewer', 'staff', 'admin']), today: todayInChina(ctx.deps.clock) }
}

/** The claim's full response body, read after the change committed. */
export async function claimBody(ctx: Pick<AppContext, 'deps'>, user: AuthUser, row: ClaimRow) {
  const record = await loadClaimRecord(ctx.deps.db, ctx.deps.catalogues, row)
  return presentClaim(record, viewerFor(ctx, user, row))
}
