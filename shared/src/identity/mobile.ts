import { toHalfWidth } from '../text'

export type MobileErrorCode = 'mobile_required' | 'mobile_invalid'
export type MobileResult = { ok: true; value: string } | { ok: false; code: MobileErrorCode }

/**
 * A mainland mobile number: 11 digits, `1[3-9]` then 9 digits. Spaces, dashes,
 * brackets and a +86 / 0086 prefix are accepted on input; the 11 digits are kept.
 */
export function parseMobile(input: unknown): MobileResult {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, code: 'mobile_required' }
  let digits = toHalfWidth(input).replace(/[\s\-()（）]/g, '')
  if (digits.startsWith('+86')) digits = digits.slice(3)
  else if (digits.startsWith('0086')) digits = digits.slice(4)
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2)
  return /^1[3-9]\d{9}$/.test(digits) ? { ok: true, value: digits } : { ok: false, code: 'mobile_invalid' }
}
