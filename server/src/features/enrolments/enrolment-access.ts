import type { Db } from '../../db/open'
import type { AuthUser } from '../../http/context'
import { isLinked } from '../identity/person-accounts.repository'
import type { Viewer } from './enrolments.presenter'
import type { EnrolmentView } from './enrolments.repository'

const STAFF_ROLES = ['staff', 'reviewer', 'admin'] as const

/**
 * How this user may see this enrolment: as the insured person (an account
 * linked to them with proof, DOMAIN.md "Identity"), as office staff, as the
 * admin of the enrolling unit; or not at all.
 */
export async function viewerOf(db: Db, user: AuthUser, view: EnrolmentView): Promise<Viewer | undefined> {
  if (await isLinked(db, user.id, view.row.insured_person_id)) return 'self'
  if (STAFF_ROLES.some((r) => user.roles.has(r))) return 'staff'
  if (view.row.unit_id !== null && user.unitIds.has(view.row.unit_id)) return 'unit'
  return undefined
}

export function isStaff(user: AuthUser): boolean {
  return STAFF_ROLES.some((r) => user.roles.has(r))
}
