import {
  certificateResponseSchema,
  claimListResponseSchema,
  claimSchema,
  clientConfigSchema,
  consentListResponseSchema,
  consentSchema,
  enrolmentListResponseSchema,
  enrolmentSchema,
  eventPublicSchema,
  meResponseSchema,
  notificationListResponseSchema,
  payoutEstimateResponseSchema,
  paymentOrderSchema,
  profileResponseSchema,
  sessionResponseSchema,
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
import { api } from './api'
import { noContent, schemaDecoder, type Decoder } from './client'
import { ApiError } from './errors'
import { setToken } from './token'

/**
 * The member's side of the API, one function per endpoint, each answer checked
 * by the shared zod schema of the contract (shared/src/api).
 */

export async function sendSmsCode(phone: string): Promise<void> {
  await api.request({ method: 'POST', path: '/api/v1/auth/sms-codes', body: { phone }, decode: noContent })
}

export async function loginWithSms(phone: string, code: string): Promise<SessionResponse> {
  const session = await api.request({ method: 'POST', path: '/api/v1/auth/sessions', body: { phone, code }, decode: schemaDecoder(sessionResponseSchema) })
  setToken(session.token)
  return session
}

export async function loginWithWechat(code: string): Promise<SessionResponse> {
  const session = await api.request({ method: 'POST', path: '/api/v1/auth/wechat-sessions', body: { code }, decode: schemaDecoder(sessionResponseSchema) })
  setToken(session.token)
  return session
}

export function logout(): Promise<void> {
  return api.request({ method: 'DELETE', path: '/api/v1/auth/sessions/current', decode: noContent })
}

export function getMe(): Promise<MeResponse> {
  return api.request({ path: '/api/v1/me', decode: schemaDecoder(meResponseSchema) })
}

export type ClientConfig = z.infer<typeof clientConfigSchema>

/** `GET /api/v1/client-config`; null while the server does not offer it. */
export async function getClientConfig(): Promise<ClientConfig | null> {
  try {
    return await api.request({ path: '/api/v1/client-config', decode: schemaDecoder(clientConfigSchema) })
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}

/** Kinds with a consent in force (given and not withdrawn). */
export async function activeConsentKinds(): Promise<Set<ConsentKind>> {
  const { consents } = await api.request({ path: '/api/v1/me/consents', decode: schemaDecoder(consentListResponseSchema) })
  return new Set(consents.filter((c) => c.withdrawnAt === null).map((c) => c.kind))
}

export function giveConsent(kind: ConsentKind, textVersion: string) {
  return api.request({ method: 'POST', path: '/api/v1/me/consents', body: { kind, textVersion }, decode: schemaDecoder(consentSchema) })
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
    return await api.request({ path: '/api/v1/me/profile', decode: myProfileDecoder })
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
  return api.request({ method: 'PUT', path: '/api/v1/me/profile', body: { ...profile }, decode: schemaDecoder(profileResponseSchema) })
}

export async function listMyEnrolments(): Promise<Enrolment[]> {
  const body = await api.request({ path: '/api/v1/me/enrolments', decode: schemaDecoder(enrolmentListResponseSchema) })
  return body.enrolments
}

export function createMyEnrolment(request: SelfEnrolmentRequest): Promise<Enrolment> {
  return api.request({ method: 'POST', path: '/api/v1/me/enrolments', body: { ...request }, decode: schemaDecoder(enrolmentSchema) })
}

/** Renew my cover (续保): the pending renewal (the same one when renewed before), priced by the server. */
export function renewEnrolment(enrolmentId: string, expectedPremiumFen?: number): Promise<Enrolment> {
  return api.request({
    method: 'POST', path: `/api/v1/enrolments/${encodeURIComponent(enrolmentId)}/renewals`,
    body: expectedPremiumFen === undefined ? {} : { expectedPremiumFen }, decode: schemaDecoder(enrolmentSchema),
  })
}

/** Pay a pending enrolment with WeChat Pay; the server prices the order. */
export function createPaymentOrder(enrolmentId: string, request: PaymentOrderRequest): Promise<PaymentOrder> {
  return api.request({ method: 'POST', path: `/api/v1/enrolments/${encodeURIComponent(enrolmentId)}/payment-orders`, body: { ...request }, decode: schemaDecoder(paymentOrderSchema) })
}

/** An order's state (the server asks WeChat Pay while it is open). */
export function getPaymentOrder(orderId: string): Promise<PaymentOrder> {
  return api.request({ path: `/api/v1/payment-orders/${encodeURIComponent(orderId)}`, decode: schemaDecoder(paymentOrderSchema) })
}

export function getCertificate(enrolmentId: string): Promise<CertificateResponse> {
  return api.request({ path: `/api/v1/enrolments/${encodeURIComponent(enrolmentId)}/certificate`, decode: schemaDecoder(certificateResponseSchema) })
}

export function getEventByCode(code: string): Promise<OutreachEventPublic> {
  return api.request({ path: `/api/v1/event-codes/${encodeURIComponent(code)}`, decode: schemaDecoder(eventPublicSchema) })
}

/** Counts one scan of an event's code (for the office's figures); a failure is not the member's problem. */
export function countEventScan(code: string): Promise<void> {
  return api.request({ method: 'POST', path: `/api/v1/event-codes/${encodeURIComponent(code)}/scans`, decode: noContent }).catch(() => undefined)
}

export function estimatePayout(request: PayoutEstimateRequest): Promise<PayoutEstimateResponse> {
  return api.request({ method: 'POST', path: '/api/v1/payout-estimates', body: { ...request }, decode: schemaDecoder(payoutEstimateResponseSchema) })
}

export async function listMyClaims(): Promise<ClaimSummary[]> {
  const body = await api.request({ path: '/api/v1/me/claims', decode: schemaDecoder(claimListResponseSchema) })
  return body.claims
}

export function getClaim(id: string): Promise<Claim> {
  return api.request({ path: `/api/v1/claims/${encodeURIComponent(id)}`, decode: schemaDecoder(claimSchema) })
}

/** Creates and submits a claim; the same key makes a retry return the same claim. */
export function createClaim(request: ClaimCreateRequest, idempotencyKey: string): Promise<Claim> {
  return api.request({
    method: 'POST', path: '/api/v1/claims', body: { ...request }, headers: { 'Idempotency-Key': idempotencyKey }, retry: true,
    decode: schemaDecoder(claimSchema),
  })
}

export function addClaimMaterial(id: string, body: { documents: { uploadId: string; kind: string }[]; note?: string }): Promise<Claim> {
  return api.request({ method: 'POST', path: `/api/v1/claims/${encodeURIComponent(id)}/material`, body: { ...body }, decode: schemaDecoder(claimSchema) })
}

export function withdrawClaim(id: string): Promise<Claim> {
  return api.request({ method: 'POST', path: `/api/v1/claims/${encodeURIComponent(id)}/withdraw`, body: {}, decode: schemaDecoder(claimSchema) })
}

export function listNotifications() {
  return api.request({ path: '/api/v1/me/notifications', decode: schemaDecoder(notificationListResponseSchema) })
}

export function markNotificationsRead(ids?: string[]): Promise<void> {
  return api.request({ method: 'POST', path: '/api/v1/me/notifications/read', body: ids ? { ids } : {}, decode: noContent })
}
