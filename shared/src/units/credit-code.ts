import { toHalfWidth } from '../text'

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) of a unit:
 * 18 characters from a 31-character set (the digits and the capital letters
 * without I, O, S, V and Z), the last one a check character over the first 17:
 * weights 3^(i-1) mod 31, check = 31 − (Σ value × weight mod 31), 31 read as 0.
 *
 * Only the length, the characters and the check character are refused. The
 * registration authority (position 1), the category (2), the region (3–8,
 * GB/T 2260) and the organisation code (9–17, GB 11714) are not: codes issued
 * before a region changed stay valid, and the office must not refuse a real
 * certificate.
 */

/** The 31 characters a credit code is written in, in the order of their values 0–30. */
export const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

export type CreditCodeErrorCode = 'credit_code_required' | 'credit_code_length' | 'credit_code_characters' | 'credit_code_checksum'

export type CreditCodeResult =
  | { ok: true; value: string }
  | { ok: false; code: CreditCodeErrorCode; params?: Record<string, string | number> }

const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1
  for (let k = 0; k < i; k++) w = (w * 3) % 31
  return w
})

/** What a person typed, in the canonical form: half-width, no spaces or dashes, upper case. */
export function normaliseCreditCode(input: string): string {
  return toHalfWidth(input).replace(/[\s-]/g, '').toUpperCase()
}

/** The check character for the first 17 characters (all from `CREDIT_CODE_CHARACTERS`). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARACTERS.indexOf(first17[i]!) * WEIGHTS[i]!
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31]!
}

/**
 * Checks a credit code as typed (full-width characters, spaces and lower case
 * are accepted) and gives its canonical form. Never throws.
 */
export function parseCreditCode(input: unknown): CreditCodeResult {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, code: 'credit_code_required' }
  const value = normaliseCreditCode(input)
  for (let i = 0; i < value.length; i++) {
    if (!CREDIT_CODE_CHARACTERS.includes(value[i]!)) return { ok: false, code: 'credit_code_characters', params: { position: i + 1, char: value[i]! } }
  }
  if (value.length !== 18) return { ok: false, code: 'credit_code_length', params: { length: value.length } }
  if (creditCodeCheckCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, code: 'credit_code_checksum' }
  return { ok: true, value }
}
