import type { Claim } from '@huzhu/shared'
import { createTestEnrolment, type TestEnrolmentOptions } from './claim-enrolments'
import { loginAs, type TestUser } from './login'
import { fillProfile, type ProfileFields } from './members'
import { addTestPayeeAccount, payeeAccountOf } from './payee-accounts'
import type { TestApp } from './test-app'
import { giveMedicalConsent, uploadPhoto } from './uploads'

export interface Claimant extends TestUser {
  enrolmentId: string
  insuredPersonId: string
  /** The member's default payee account (a fresh card in their name). */
  payeeAccountId: string
}

/** A member with a profile, the medical_data consent, an active enrolment (see createTestEnrolment) and a payee account. */
export async function claimant(app: TestApp, options: { enrolment?: TestEnrolmentOptions; profile?: ProfileFields } = {}): Promise<Claimant> {
  const user = await loginAs(app)
  await fillProfile(app, user, options.profile)
  await giveMedicalConsent(app, user)
  const { enrolmentId, insuredPersonId } = await createTestEnrolment(app, user, options.enrolment)
  return { ...user, enrolmentId, insuredPersonId, payeeAccountId: await addTestPayeeAccount(app, user) }
}

let keySeq = 0
/** A fresh Idempotency-Key. */
export const newIdempotencyKey = () => `test-key-${process.pid}-${++keySeq}`

/** An A0 inpatient claim body: 8,000.00 pooled + 2,000.00 supplementary out-of-pocket (engine: 6,200.00). */
export function inpatientClaim(enrolmentId: string, uploadIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    enrolmentId, kind: 'inpatient', eventDate: '2020-06-01', diagnosis: '急性阑尾炎', hospital: '西安市第一医院',
    figures: { totalCostFen: 1_500_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000 },
    invoiceNumbers: [], documents: uploadIds.map((uploadId) => ({ uploadId, kind: 'invoice' })), ...overrides,
  }
}

/**
 * Posts a claim. A body that names no payee account gets the user's default one
 * (added the first time when the user has a profile; see payeeAccountOf): tests
 * about other rules need not say where the claim is paid.
 */
export async function postClaim(app: TestApp, user: TestUser, body: unknown, key: string | null = newIdempotencyKey()) {
  const payee = typeof body === 'object' && body !== null && !('payeeAccountId' in body) ? { payeeAccountId: await payeeAccountOf(app, user) } : {}
  return app.api.post('/api/v1/claims', { ...(body as object), ...payee }, { token: user.token, headers: key === null ? {} : { 'idempotency-key': key } })
}

/** Uploads a photo and submits an A0 inpatient claim; returns the claim body. */
export async function submitTestClaim(app: TestApp, user: Claimant, overrides: Record<string, unknown> = {}): Promise<Claim> {
  const uploadId = await uploadPhoto(app, user)
  const res = await postClaim(app, user, inpatientClaim(user.enrolmentId, [uploadId], overrides))
  if (res.status !== 201) throw new Error(`claims answered ${res.status}: ${res.text}`)
  return res.body as Claim
}
