import { todayInChina } from '../../clock'
import type { AppContext, AuthUser } from '../../http/context'
import { hasAnyRole } from '../accounts/access'
import { presentClaimMedicalRecord } from '../medical-records/medical-records.presenter'
import { findMatchOfClaim } from '../medical-records/medical-records.repository'
import { loadClaimRecord, type ClaimRecord } from './claim-record'
import { presentClaim, type ClaimViewer } from './claims.presenter'
import type { ClaimRow } from './claims.table'

/** What this user sees of a claim (see ClaimViewer). */
export function viewerFor(ctx: Pick<AppContext, 'deps'>, user: AuthUser, claim: Pick<ClaimRow, 'member_user_id'>): ClaimViewer {
  const own = claim.member_user_id === user.id
  const reviewer = user.roles.has('reviewer')
  const handles = hasAnyRole(user, ['reviewer', 'staff', 'admin'])
  return { fullName: own || reviewer, flags: handles, medicalRecord: handles, today: todayInChina(ctx.deps.clock) }
}

/**
 * The claim's full response body, read after the change committed; for those
 * who handle claims, with the medical-insurance record it was matched to.
 */
export async function claimBody(ctx: Pick<AppContext, 'deps'>, user: AuthUser, row: ClaimRow) {
  return claimBodyOf(ctx, user, await loadClaimRecord(ctx.deps.db, ctx.deps, row))
}

/** The response body of a claim record already in hand (e.g. the one a submission just wrote). */
export async function claimBodyOf(ctx: Pick<AppContext, 'deps'>, user: AuthUser, record: ClaimRecord) {
  const viewer = viewerFor(ctx, user, record.row)
  const match = viewer.medicalRecord ? await findMatchOfClaim(ctx.deps.db, record.row.id) : undefined
  return presentClaim(record, viewer, match ? presentClaimMedicalRecord(match) : null)
}
