import {
  catalogueListResponseSchema,
  certificateCheckResponseSchema,
  claimListResponseSchema,
  claimSchema,
  enrolmentListResponseSchema,
  eventListResponseSchema,
  eventSchema,
  identityVerificationResponseSchema,
  meResponseSchema,
  memberSearchResponseSchema,
  paymentSchema,
  paymentOrderSchema,
  rosterSchema,
  unitDetailSchema,
  unitRenewalListSchema,
  unitListResponseSchema,
  unitSchema,
  type CatalogueSummary,
  type CertificateCheckResponse,
  type Claim,
  type ClaimDecisionRequest,
  type EventCreateRequest,
  type IdentityVerificationResponse,
  type MeResponse,
  type MemberSearchResult,
  type OutreachEvent,
  type Payment,
  type PaymentOrder,
  type PaymentRequest,
  type Roster,
  type UnitRenewal,
  type Unit,
} from '@huzhu/shared'
import { z } from 'zod'
import { api } from '../../api/api'
import { schemaDecoder, type Decoder } from '../../api/client'
import { staffPaths } from './paths'

export type ClaimList = z.infer<typeof claimListResponseSchema>
export type EnrolmentList = z.infer<typeof enrolmentListResponseSchema>

/** A unit with its counts when the server sends them (`unitDetailSchema`), else the plain unit. */
export type UnitView = Unit & Partial<Pick<z.infer<typeof unitDetailSchema>, 'counts' | 'catalogueId' | 'products' | 'fundingSource'>>
const unitViewDecoder: Decoder<UnitView> = (body) => {
  const detail = unitDetailSchema.safeParse(body)
  if (detail.success) return { ok: true, value: detail.data }
  const plain = unitSchema.safeParse(body)
  return plain.success ? { ok: true, value: plain.data } : { ok: false }
}

export function fetchMe(): Promise<MeResponse> {
  return api.request({ path: staffPaths.me, decode: schemaDecoder(meResponseSchema) })
}

export async function fetchUnits(): Promise<Unit[]> {
  return (await api.request({ path: staffPaths.units, decode: schemaDecoder(unitListResponseSchema) })).units
}

export function fetchUnit(unitId: string): Promise<UnitView> {
  return api.request({ path: staffPaths.unit(unitId), decode: unitViewDecoder })
}

/** Per catalogue, the unit's covers that may be renewed today (续保) and the plan they renew into. */
export async function fetchUnitRenewals(unitId: string): Promise<UnitRenewal[]> {
  return (await api.request({ path: staffPaths.unitRenewals(unitId), decode: schemaDecoder(unitRenewalListSchema) })).renewals
}

/** The plans this unit may enrol by today (its standing selection's, else any open to units). */
export async function fetchUnitCatalogues(unitId: string): Promise<CatalogueSummary[]> {
  return (await api.request({ path: staffPaths.unitCatalogues(unitId), decode: schemaDecoder(catalogueListResponseSchema) })).catalogues
}

export function checkCertificateOnline(payload: string): Promise<CertificateCheckResponse> {
  return api.request({ method: 'POST', path: staffPaths.certificateChecks, body: { payload }, decode: schemaDecoder(certificateCheckResponseSchema) })
}

export async function fetchEvents(): Promise<OutreachEvent[]> {
  return (await api.request({ path: staffPaths.events, decode: schemaDecoder(eventListResponseSchema) })).events
}

export function fetchEvent(eventId: string): Promise<OutreachEvent> {
  return api.request({ path: staffPaths.event(eventId), decode: schemaDecoder(eventSchema) })
}

export function createEvent(body: EventCreateRequest): Promise<OutreachEvent> {
  return api.request({ method: 'POST', path: staffPaths.events, body, decode: schemaDecoder(eventSchema) })
}

export function importRoster(unitId: string, rosterId: string, onlyValidRows: boolean): Promise<Roster> {
  return api.request({ method: 'POST', path: staffPaths.rosterImport(unitId, rosterId), body: { onlyValidRows }, decode: schemaDecoder(rosterSchema) })
}

export function fetchEnrolments(query: { unitId?: string; eventId?: string; status?: string; cursor?: string; limit?: string }): Promise<EnrolmentList> {
  return api.request({ path: staffPaths.enrolments(query), decode: schemaDecoder(enrolmentListResponseSchema) })
}

/** Enrolments awaiting payment, newest first; `q` is a whole mobile number or part of a name. */
export function fetchPendingEnrolments(query: { q?: string; cursor?: string; limit?: string }): Promise<EnrolmentList> {
  return api.request({ path: staffPaths.pendingEnrolments(query), decode: schemaDecoder(enrolmentListResponseSchema) })
}

/** A unit pays every pending enrolment of a catalogue by one WeChat Pay QR code. */
export function createUnitPaymentOrder(unitId: string, catalogueId: string): Promise<PaymentOrder> {
  return api.request({ method: 'POST', path: `/api/v1/units/${encodeURIComponent(unitId)}/payment-orders`, body: { catalogueId, channel: 'native' }, decode: schemaDecoder(paymentOrderSchema) })
}

export function confirmPayment(body: PaymentRequest): Promise<Payment> {
  return api.request({ method: 'POST', path: staffPaths.payments, body, decode: schemaDecoder(paymentSchema) })
}

export interface QueueQuery {
  status?: string
  kind?: string
  flagged?: string
  overdue?: string
  cursor?: string
  limit?: string
}

export function fetchReviewQueue(query: QueueQuery): Promise<ClaimList> {
  return api.request({ path: staffPaths.reviewQueue({ ...query }), decode: schemaDecoder(claimListResponseSchema) })
}

export function fetchReviewSample(query: { sharePercent: string; aboveFen?: string }): Promise<ClaimList> {
  return api.request({ path: staffPaths.reviewSample(query), decode: schemaDecoder(claimListResponseSchema) })
}

export function fetchClaim(claimId: string): Promise<Claim> {
  return api.request({ path: staffPaths.claim(claimId), decode: schemaDecoder(claimSchema) })
}

export function decideClaim(claimId: string, body: ClaimDecisionRequest): Promise<Claim> {
  return api.request({ method: 'POST', path: staffPaths.claimDecision(claimId), body, decode: schemaDecoder(claimSchema) })
}

/** Takes a submitted claim into review (submitted → in_review), so two reviewers do not work on it at once. */
export function startReview(claimId: string): Promise<Claim> {
  return api.request({ method: 'POST', path: staffPaths.claimStartReview(claimId), decode: schemaDecoder(claimSchema) })
}

/** The accounts whose real-name profile holds this ID number (masked; the server audits the search). */
export async function searchMembersByIdNumber(idNumber: string): Promise<MemberSearchResult[]> {
  return (await api.request({ method: 'POST', path: staffPaths.memberSearch, body: { idNumber }, decode: schemaDecoder(memberSearchResponseSchema) })).members
}

/** Office staff checked the ID card: the account is linked to the person its profile names (audited). */
export function verifyIdentity(userId: string): Promise<IdentityVerificationResponse> {
  return api.request({ method: 'POST', path: staffPaths.identityVerifications(userId), decode: schemaDecoder(identityVerificationResponseSchema) })
}
