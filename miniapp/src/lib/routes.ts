/**
 * Page URLs with their query parameters, built and read in one place.
 * Pages in subpackages are addressed by their root (see app.config.ts).
 */
export interface EnrolConfirmParams {
  catalogueId: string
  codes: readonly string[]
  /** An outreach event the rider came from (its id): sent with the enrolment. */
  eventId?: string
}

export function enrolConfirmUrl({ catalogueId, codes }: EnrolConfirmParams): string {
  return `/enrol/confirm/index?catalogue=${encodeURIComponent(catalogueId)}&products=${encodeURIComponent(codes.join(','))}`
}

/** Reads the parameters back; null when the catalogue is missing. */
export function parseEnrolConfirmParams(params: Partial<Record<string, string>>): EnrolConfirmParams | null {
  const catalogueId = decodeURIComponent(params.catalogue ?? '')
  if (catalogueId === '') return null
  const codes = decodeURIComponent(params.products ?? '').split(',').filter((code) => code !== '')
  const eventId = decodeURIComponent(params.event ?? '')
  return eventId !== '' ? { catalogueId, codes, eventId } : { catalogueId, codes }
}

export function enrolConfirmUrlWithEvent(params: EnrolConfirmParams): string {
  const base = enrolConfirmUrl(params)
  return params.eventId ? `${base}&event=${encodeURIComponent(params.eventId)}` : base
}

export const routes = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  plans: '/enrol/plans/index',
  /** 公开透明: the plans' public figures (no login). */
  transparency: '/enrol/transparency/index',
  card: (enrolmentId?: string) => `/enrol/card/index${enrolmentId ? `?enrolment=${encodeURIComponent(enrolmentId)}` : ''}`,
  profile: '/me/profile/index',
  messages: '/me/messages/index',
  payeeAccounts: '/me/accounts/index',
  myData: '/me/data/index',
  claimNew: '/claims/new/index',
  claimList: '/claims/list/index',
  claimDetail: (claimId: string) => `/claims/detail/index?id=${encodeURIComponent(claimId)}`,
  /** The staff app's unit page (as `staffUrls.unit`): where a unit admin's renewal reminder leads. */
  staffUnit: (unitId: string) => `/staff/unit/index?unitId=${encodeURIComponent(unitId)}`,
} as const

/** The current page's URL with its query, to come back to after logging in. */
export function withRedirect(url: string, back: string): string {
  return `${url}?redirect=${encodeURIComponent(back)}`
}

/** The plans screen, optionally opened on one catalogue for an outreach event. */
export function plansUrl(params: { catalogueId?: string; eventId?: string } = {}): string {
  const query = [
    params.catalogueId ? `catalogue=${encodeURIComponent(params.catalogueId)}` : '',
    params.eventId ? `event=${encodeURIComponent(params.eventId)}` : '',
  ].filter(Boolean)
  return query.length > 0 ? `${routes.plans}?${query.join('&')}` : routes.plans
}

/** The outreach event code a page was opened with: `?event=CODE` (H5 link) or a mini-program code's `scene=e%3DCODE`. */
export function eventCodeOf(params: Partial<Record<string, string>>): string | undefined {
  if (params.event) return decodeURIComponent(params.event)
  const scene = params.scene ? decodeURIComponent(params.scene) : ''
  const match = /(?:^|&)e=([0-9A-Za-z]{4,16})/.exec(scene)
  return match?.[1]
}
