/** Staff page URLs (the `staff` subpackage, see app.config.ts). */
const enc = encodeURIComponent

export const staffUrls = {
  home: '/staff/index/index',
  check: '/staff/check/index',
  events: '/staff/events/index',
  event: (eventId: string) => `/staff/event/index?id=${enc(eventId)}`,
  unit: (unitId?: string) => (unitId ? `/staff/unit/index?unitId=${enc(unitId)}` : '/staff/unit/index'),
  /** The office's units: the list and a new unit, or one unit's record (`unitId`). */
  units: (unitId?: string) => (unitId ? `/staff/units/index?unitId=${enc(unitId)}` : '/staff/units/index'),
  review: '/staff/review/index',
  medical: '/staff/medical/index',
  identity: '/staff/identity/index',
  hardship: '/staff/hardship/index',
  ledger: '/staff/ledger/index',
  dashboard: '/staff/dashboard/index',
  catalogues: '/staff/catalogues/index',
  calendar: (year?: number) => (year === undefined ? '/staff/calendar/index' : `/staff/calendar/index?year=${year}`),
  /** Never a phone in a URL: an account is opened by its id. */
  users: (userId?: string) => (userId ? `/staff/users/index?userId=${enc(userId)}` : '/staff/users/index'),
  audit: (query: { actorUserId?: string; subjectUserId?: string } = {}) =>
    query.actorUserId ? `/staff/audit/index?actorUserId=${enc(query.actorUserId)}` : query.subjectUserId ? `/staff/audit/index?subjectUserId=${enc(query.subjectUserId)}` : '/staff/audit/index',
  claim: (claimId: string) => `/staff/claim/index?id=${enc(claimId)}`,
  payments: (query: { eventId?: string; unitId?: string } = {}) =>
    query.eventId ? `/staff/payments/index?eventId=${enc(query.eventId)}` : query.unitId ? `/staff/payments/index?unitId=${enc(query.unitId)}` : '/staff/payments/index',
} as const

/** Router params arrive URL-encoded in the mini-program and sometimes in H5. */
export function param(params: Partial<Record<string, string>>, key: string): string | undefined {
  const raw = params[key]
  if (raw === undefined || raw === '') return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
