import type { Db } from '../../db/open'
import type { AuthUser } from '../../http/context'
import { findProfileRow } from '../members/members.repository'
import type { Viewer } from './enrolments.presenter'
import type { EnrolmentView } from './enrolments.repository'

const STAFF_ROLES = ['staff', 'reviewer', 'admin'] as const

/** The keyed hash of the signed-in member's own ID number, if they filled in their profile. */
export async function ownIdHash(db: Db, userId: string): Promise<string | undefined> {
  return (await findProfileRow(db, userId))?.id_number_hash
}

/**
 * How this user may see this enrolment: as the insured person (their profile's
 * ID number), as office staff, as the admin of the enrolling unit; or not at all.
 */
export async function viewerOf(db: Db, user: AuthUser, view: EnrolmentView): Promise<Viewer | undefined> {
  if ((await ownIdHash(db, user.id)) === view.person.id_number_hash) return 'self'
  if (STAFF_ROLES.some((r) => user.roles.has(r))) return 'staff'
  if (view.row.unit_id !== null && user.unitIds.has(view.row.unit_id)) return 'unit'
  return undefined
}

export function isStaff(user: AuthUser): boolean {
  return STAFF_ROLES.some((r) => user.roles.has(r))
}
