import { getToken } from '../../api/token'

/**
 * The mobile number the rider proved with an SMS code at log-in, kept in memory
 * for this session only (never in storage: a phone number is personal data), so
 * the real-name form can offer it instead of asking for it again. It belongs to
 * the session it was proven in: after logging out, or as another account, it is
 * not offered.
 */
let proven: { phone: string; token: string } | null = null

export function rememberProvenPhone(phone: string, token: string): void {
  proven = { phone, token }
}

/** The phone proven in the current session, or null (WeChat log-in, a reload of the page, another account). */
export function provenPhone(): string | null {
  return proven !== null && proven.token === getToken() ? proven.phone : null
}

/** Forgets the phone (tests; a new log-in replaces it anyway). */
export function forgetProvenPhone(): void {
  proven = null
}
