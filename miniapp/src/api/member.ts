import {
  endpoints,
  type BodyOf,
  clientConfigSchema,
  profileResponseSchema,
  type CertificateResponse,
  type Claim,
  type ClaimCreateRequest,
  type ClaimSummary,
  type ConsentKind,
  type Enrolment,
  type MeResponse,
  type OutreachEventPublic,
  type PayoutEstimateRequest,
  type PayoutEstimateResponse,
  type PaymentOrder,
  type PaymentOrderRequest,
  type ProfileRequest,
  type ProfileResponse,
  type SelfEnrolmentRequest,
  type SessionResponse,
} from '@huzhu/shared'
import type { z } from 'zod'
import { call } from './call'
import type { Decoder } from './client'
import { ApiError } from './errors'
import { setToken } from './token'

/**
 * The member's side of the API, one function per endpoint, each answer checked
 * by the shared zod schema of the contract (shared/src/api).
 */

export async function sendSmsCode(phone: string): Promise<void> {
  await call(endpoints.auth.sendSmsCode, { body: { phone } })
}

export async function loginWithSms(phone: string, code: string): Promise<SessionResponse> {
  const session = await call(endpoints.auth.createSmsSession, { body: { phone, code } })
  setToken(session.token)
  return session
}

export async function loginWithWechat(code: string): Promise<SessionResponse> {
  const session = await call(endpoints.auth.createWechatSession, { body: { code } })
  setToken(session.token)
  return session
}

export function logout(): Promise<void> {
  return call(endpoints.auth.deleteCurrentSession)
}

export function getMe(): Promise<MeResponse> {
  return call(endpoints.users.getMe)
}

export type ClientConfig = z.infer<typeof clientConfigSchema>

/** `GET` of the client configuration; null while the server does not offer it. */
export async function getClientConfig(): Promise<ClientConfig | null> {
  try {
    return await call(endpoints.clientConfig.getClientConfig)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}

/** Kinds with a consent in force (given and not withdrawn). */
export async function activeConsentKinds(): Promise<Set<ConsentKind>> {
  const { consents } = await call(endpoints.consents.listMyConsents)
  return new Set(consents.filter((c) => c.withdrawnAt === null).map((c) => c.kind))
}

export function giveConsent(kind: ConsentKind, textVersion: string) {
  return call(endpoints.consents.giveMyConsent, { body: { kind, textVersion } })
}

/**
 * "No profile yet" is a normal answer, however the server puts it: an empty
 * answer (204, or 200 with `null`), `{profile: null}`, or (older servers) a 404
 * `profile_required`. A profile comes bare or as `{profile}`.
 */
const myProfileDecoder: Decoder<ProfileResponse | null> = (body) => {
  const inner = body !== null && typeof body === 'object' && !Array.isArray(body) && 'profile' in body ? (body as { profile: unknown }).profile : body
  if (inner === null || inner === undefined || inner === '') return { ok: true, value: null }
  const parsed = profileResponseSchema.safeParse(inner)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false }
}

/** My real-name profile, or null when none is filled in yet. */
export async function getMyProfile(): Promise<ProfileResponse | null> {
  try {
    return await call(endpoints.members.getMyProfile, { decode: myProfileDecoder })
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === 'profile_required') return null
    throw error
  }
}

/** Whether my real-name profile is filled in (`GET /me`): no read of the ID number (an audited read) just to know that. */
export async function hasMyProfile(): Promise<boolean> {
  return (await getMe()).hasProfile
}

export function putMyProfile(profile: ProfileRequest): Promise<ProfileResponse> {
  return call(endpoints.members.putMyProfile, { body: { ...profile } })
}

export async function listMyEnrolments(): Promise<Enrolment[]> {
  const body = await call(endpoints.enrolments.listMyEnrolments)
  return body.enrolments
}

export function createMyEnrolment(request: SelfEnrolmentRequest): Promise<Enrolment> {
  return call(endpoints.enrolments.createMyEnrolment, { body: { ...request } })
}

/** Renew my cover (续保): the pending renewal (the same one when renewed before), priced by the server. */
export function renewEnrolment(enrolmentId: string, expectedPremiumFen?: number): Promise<Enrolment> {
  return call(endpoints.renewal.createRenewal, {
    params: { enrolmentId }, body: expectedPremiumFen === undefined ? {} : { expectedPremiumFen },
  })
}

/** Pay a pending enrolment with WeChat Pay; the server prices the order. */
export function createPaymentOrder(enrolmentId: string, request: PaymentOrderRequest): Promise<PaymentOrder> {
  return call(endpoints.paymentOrders.createEnrolmentPaymentOrder, { params: { enrolmentId }, body: { ...request } })
}

/** An order's state (the server asks WeChat Pay while it is open). */
export function getPaymentOrder(orderId: string): Promise<PaymentOrder> {
  return call(endpoints.paymentOrders.getPaymentOrder, { params: { orderId } })
}

export function getCertificate(enrolmentId: string): Promise<CertificateResponse> {
  return call(endpoints.certificates.getCertificate, { params: { enrolmentId } })
}

export function getEventByCode(code: string): Promise<OutreachEventPublic> {
  return call(endpoints.events.getEventByCode, { params: { code } })
}

/** Counts one scan of an event's code (for the office's figures); a failure is not the member's problem. */
export function countEventScan(code: string): Promise<void> {
  return call(endpoints.events.scanEvent, { params: { code } }).catch(() => undefined)
}

export function estimatePayout(request: PayoutEstimateRequest): Promise<PayoutEstimateResponse> {
  return call(endpoints.quotes.createPayoutEstimate, { body: { ...request } })
}

export async function listMyClaims(): Promise<ClaimSummary[]> {
  const body = await call(endpoints.claims.listMyClaims)
  return body.claims
}

export function getClaim(id: string): Promise<Claim> {
  return call(endpoints.claims.getClaim, { params: { claimId: id } })
}

/** Creates and submits a claim; the same key makes a retry return the same claim. */
export function createClaim(request: ClaimCreateRequest, idempotencyKey: string): Promise<Claim> {
  return call(endpoints.claims.createClaim, { body: { ...request }, headers: { 'Idempotency-Key': idempotencyKey }, retry: true })
}

export function addClaimMaterial(id: string, body: BodyOf<typeof endpoints.claims.sendClaimMaterial>): Promise<Claim> {
  return call(endpoints.claims.sendClaimMaterial, { params: { claimId: id }, body: { ...body } })
}

export function withdrawClaim(id: string): Promise<Claim> {
  return call(endpoints.claims.withdrawClaim, { params: { claimId: id }, body: {} })
}

export function listNotifications() {
  return call(endpoints.notifications.listMyNotifications)
}

export function markNotificationsRead(ids?: string[]): Promise<void> {
  return call(endpoints.notifications.readMyNotifications, { body: ids ? { ids } : {} })
}
