import type { MeResponse, Role } from '@huzhu/shared'

/** Roles that see the staff side at all. */
export const staffRoles: readonly Role[] = ['unit_admin', 'staff', 'reviewer', 'admin']

/** Who may open each staff page (the server checks again on every request). */
export const pageRoles = {
  home: staffRoles,
  check: ['staff', 'reviewer', 'admin'],
  events: ['staff', 'admin'],
  unit: ['unit_admin', 'staff', 'admin'],
  units: ['staff', 'admin'],
  review: ['reviewer', 'admin'],
  payments: ['staff', 'admin'],
  medical: ['staff', 'admin'],
  identity: ['staff', 'admin'],
  hardship: ['staff', 'admin'],
  ledger: ['staff', 'admin'],
  dashboard: ['unit_admin', 'staff', 'admin'],
  calendar: ['admin'],
  catalogues: ['admin'],
  users: ['admin'],
  audit: ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type StaffPage = keyof typeof pageRoles

export function mayOpen(me: Pick<MeResponse, 'roles'>, page: StaffPage): boolean {
  const allowed: readonly Role[] = pageRoles[page]
  return me.roles.some((role) => allowed.includes(role))
}

export function isStaff(me: Pick<MeResponse, 'roles'>): boolean {
  return mayOpen(me, 'home')
}

/** The units a unit admin manages (from their grants). */
export function managedUnitIds(me: Pick<MeResponse, 'grants'>): string[] {
  return me.grants.filter((g) => g.role === 'unit_admin' && g.unitId !== null).map((g) => g.unitId!)
}
