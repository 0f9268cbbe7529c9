import {
  endpoints,
  claimListResponseSchema,
  enrolmentListResponseSchema,
  unitDetailSchema,
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
import { call } from '../../api/call'
import { type Decoder } from '../../api/client'

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
  return call(endpoints.users.getMe)
}

export async function fetchUnits(): Promise<Unit[]> {
  return (await call(endpoints.units.listUnits)).units
}

export function fetchUnit(unitId: string): Promise<UnitView> {
  return call(endpoints.units.getUnit, { params: { unitId }, decode: unitViewDecoder })
}

/** Per catalogue, the unit's covers that may be renewed today (续保) and the plan they renew into. */
export async function fetchUnitRenewals(unitId: string): Promise<UnitRenewal[]> {
  return (await call(endpoints.renewalRoster.listUnitRenewals, { params: { unitId } })).renewals
}

/** The plans this unit may enrol by today (its standing selection's, else any open to units). */
export async function fetchUnitCatalogues(unitId: string): Promise<CatalogueSummary[]> {
  return (await call(endpoints.units.listUnitCatalogues, { params: { unitId } })).catalogues
}

export function checkCertificateOnline(payload: string): Promise<CertificateCheckResponse> {
  return call(endpoints.certificates.checkCertificate, { body: { payload } })
}

export async function fetchEvents(): Promise<OutreachEvent[]> {
  return (await call(endpoints.events.listEvents)).events
}

export function fetchEvent(eventId: string): Promise<OutreachEvent> {
  return call(endpoints.events.getEvent, { params: { eventId } })
}

export function createEvent(body: EventCreateRequest): Promise<OutreachEvent> {
  return call(endpoints.events.createEvent, { body })
}

export function importRoster(unitId: string, rosterId: string, onlyValidRows: boolean): Promise<Roster> {
  return call(endpoints.rosters.importRoster, { params: { unitId, rosterId }, body: { onlyValidRows } })
}

export function fetchEnrolments(query: { unitId?: string; eventId?: string; status?: string; cursor?: string; limit?: string }): Promise<EnrolmentList> {
  return call(endpoints.enrolments.listEnrolments, { query })
}

/** Enrolments awaiting payment, newest first; `q` is a whole mobile number or part of a name. */
export function fetchPendingEnrolments(query: { q?: string; cursor?: string; limit?: string }): Promise<EnrolmentList> {
  return call(endpoints.payments.listPendingEnrolments, { query })
}

/** A unit pays every pending enrolment of a catalogue by one WeChat Pay QR code. */
export function createUnitPaymentOrder(unitId: string, catalogueId: string): Promise<PaymentOrder> {
  return call(endpoints.paymentOrders.createUnitPaymentOrder, { params: { unitId }, body: { catalogueId, channel: 'native' } })
}

export function confirmPayment(body: PaymentRequest): Promise<Payment> {
  return call(endpoints.payments.createPayment, { body })
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
  return call(endpoints.review.listReviewQueue, { query: { ...query } })
}

export function fetchReviewSample(query: { sharePercent: string; aboveFen?: string }): Promise<ClaimList> {
  return call(endpoints.review.sampleClaims, { query })
}

export function fetchClaim(claimId: string): Promise<Claim> {
  return call(endpoints.claims.getClaim, { params: { claimId } })
}

export function decideClaim(claimId: string, body: ClaimDecisionRequest): Promise<Claim> {
  return call(endpoints.review.decideOnClaim, { params: { claimId }, body })
}

/** Takes a submitted claim into review (submitted → in_review), so two reviewers do not work on it at once. */
export function startReview(claimId: string): Promise<Claim> {
  return call(endpoints.review.startClaimReview, { params: { claimId } })
}

/** The accounts whose real-name profile holds this ID number (masked; the server audits the search). */
export async function searchMembersByIdNumber(idNumber: string): Promise<MemberSearchResult[]> {
  return (await call(endpoints.members.searchMembers, { body: { idNumber } })).members
}

/** Office staff checked the ID card: the account is linked to the person its profile names (audited). */
export function verifyIdentity(userId: string): Promise<IdentityVerificationResponse> {
  return call(endpoints.identity.verifyIdentity, { params: { userId } })
}
