import nacl from 'tweetnacl'
import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'
import { base64UrlDecode, base64UrlEncode, utf8Decode, utf8Encode } from './encoding'

/**
 * The member card: a signed QR payload that staff verify without a network.
 * `HZ1.<base64url JSON>.<base64url Ed25519 signature of "HZ1.<body>">`.
 * It carries only masked identity: a lost screenshot exposes no ID number.
 */
export const CERTIFICATE_PREFIX = 'HZ1'

export const certificatePayloadSchema = z.strictObject({
  /** Enrolment id. */
  e: z.string().min(1).max(40),
  /** Masked name and ID number, as staff may see them. */
  n: z.string().max(40),
  i: z.string().max(20),
  /** Catalogue id and product codes (a code repeated per share). */
  c: z.string().max(60),
  p: z.array(z.string().max(16)).min(1).max(20),
  /** Cover start and end (inclusive). */
  s: civilDateSchema,
  u: civilDateSchema,
  /** Signing key id, so keys can rotate. */
  k: z.string().min(1).max(16),
  /** Issued on. */
  t: civilDateSchema,
})
export type CertificatePayload = z.infer<typeof certificatePayloadSchema>

export interface SigningKey {
  id: string
  /** 64-byte Ed25519 secret key (tweetnacl format: seed + public key). */
  secretKey: Uint8Array
}

export function signingKeyFromSeed(id: string, seed: Uint8Array): SigningKey & { publicKey: Uint8Array } {
  const pair = nacl.sign.keyPair.fromSeed(seed)
  return { id, secretKey: pair.secretKey, publicKey: pair.publicKey }
}

export function signCertificate(payload: CertificatePayload, key: SigningKey): string {
  const body = base64UrlEncode(utf8Encode(JSON.stringify({ ...payload, k: key.id })))
  const signed = `${CERTIFICATE_PREFIX}.${body}`
  const signature = nacl.sign.detached(utf8Encode(signed), key.secretKey)
  return `${signed}.${base64UrlEncode(signature)}`
}

export type CertificateStatus = 'valid' | 'not_started' | 'expired'

export type CertificateCheck =
  | { ok: true; payload: CertificatePayload; status: CertificateStatus }
  | { ok: false; code: 'certificate_invalid' }

/**
 * Checks a scanned card offline: the signature against the known public keys
 * (by key id), then the cover dates against `today`. Never throws.
 */
export function verifyCertificate(text: string, publicKeys: ReadonlyMap<string, Uint8Array>, today: string): CertificateCheck {
  const invalid = { ok: false, code: 'certificate_invalid' } as const
  const parts = typeof text === 'string' ? text.trim().split('.') : []
  if (parts.length !== 3 || parts[0] !== CERTIFICATE_PREFIX) return invalid
  const bodyBytes = base64UrlDecode(parts[1]!)
  const signature = base64UrlDecode(parts[2]!)
  if (!bodyBytes || !signature || signature.length !== nacl.sign.signatureLength) return invalid
  const json = utf8Decode(bodyBytes)
  if (json === null) return invalid
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return invalid
  }
  const parsed = certificatePayloadSchema.safeParse(raw)
  if (!parsed.success) return invalid
  const publicKey = publicKeys.get(parsed.data.k)
  if (!publicKey || !nacl.sign.detached.verify(utf8Encode(`${parts[0]}.${parts[1]}`), signature, publicKey)) return invalid
  const { s, u } = parsed.data
  const status: CertificateStatus = today < s ? 'not_started' : today > u ? 'expired' : 'valid'
  return { ok: true, payload: parsed.data, status }
}
