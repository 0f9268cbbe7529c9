import {
  maskIdNumber, maskName, message, signCertificate, verifyCertificate,
  type CertificateCheckResponse, type CertificateResponse, type CivilDate,
} from '@huzhu/shared'
import type { Secrets } from '../../config-secrets'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import type { EnrolmentView } from '../enrolments/enrolments.repository'
import { findEnrolment, loadViews } from '../enrolments/enrolments.repository'
import { decodePerson } from '../enrolments/insured-person'

type SigningKey = Secrets['signingKey']

/**
 * The member card of an active enrolment: masked name and ID, catalogue,
 * products, cover dates, enrolment id; signed with Ed25519 (about 300 characters:
 * a QR code of version 10 or so).
 */
export function issueCertificate(view: EnrolmentView, key: SigningKey, protector: DataProtector, today: CivilDate): CertificateResponse {
  const { row } = view
  if (row.status !== 'active') throw new AppError(409, row.status === 'cancelled' ? 'enrolment_already_cancelled' : 'certificate_not_available')
  const person = decodePerson(view.person, protector)
  const payload = signCertificate({
    e: row.id, n: maskName(person.name), i: maskIdNumber(person.idNumber), c: row.catalogue_id,
    p: JSON.parse(row.products) as string[], s: row.start_on, u: row.end_on, k: key.id, t: today,
  }, key)
  return { payload, keyId: key.id, enrolmentId: row.id, validFrom: row.start_on, validTo: row.end_on }
}

export type CheckOutcome = { verdict: CertificateCheckResponse['verdict']; message: string; view: EnrolmentView | null }

/**
 * The desk check: the offline verification (signature, dates), then the
 * database: an enrolment cancelled since the card was issued is refused.
 */
export async function checkCertificate(db: Db, key: SigningKey, payload: string, today: CivilDate): Promise<CheckOutcome> {
  const offline = verifyCertificate(payload, new Map([[key.id, key.publicKey]]), today)
  const invalid: CheckOutcome = { verdict: 'invalid', message: message('certificate_invalid'), view: null }
  if (!offline.ok) return invalid
  const row = await findEnrolment(db, offline.payload.e)
  if (!row) return invalid
  const view = (await loadViews(db, [row]))[0]!
  if (row.status === 'cancelled') return { verdict: 'cancelled', message: message('certificate_verdict_cancelled'), view }
  return { verdict: offline.status, message: message(`certificate_verdict_${offline.status}`), view }
}
