import { toHalfWidth } from '../text'

/**
 * Bank card and account numbers (银行卡号 / 账号) a claim is paid to.
 *
 * The rules, and why:
 * - 12 to 30 digits. Chinese bank cards have 16–19 digits; personal and passbook
 *   account numbers of the big banks 12–25 (e.g. 12 at some city banks, 19–20 at
 *   ICBC and CCB, 22–25 for some rural banks and sub-accounts); 30 leaves room
 *   without accepting nonsense. Spaces (and full-width digits) are accepted as
 *   typed and dropped; anything else but digits is refused.
 * - A Luhn check only where the number is a UnionPay card: 16–19 digits beginning
 *   with 62 (ISO/IEC 7812 card numbers, whose last digit is a Luhn check digit,
 *   on every UnionPay debit card the big banks issue). Passbook, corporate and
 *   older account numbers follow each bank's own scheme, often without any public
 *   check digit, so refusing them on Luhn would refuse real accounts. A wrong
 *   account that passes these checks comes back as a failed line in the bank's
 *   results, and the member is asked to correct it.
 */
export const BANK_ACCOUNT_MIN_DIGITS = 12
export const BANK_ACCOUNT_MAX_DIGITS = 30

export type BankAccountErrorCode = 'bank_account_required' | 'bank_account_characters' | 'bank_account_length' | 'bank_account_checksum'
export type BankAccountResult =
  | { ok: true; value: string }
  | { ok: false; code: BankAccountErrorCode; params?: Record<string, string | number> }

/** What a person typed, without spaces, full-width digits made ASCII. */
export function normaliseBankAccountNumber(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '')
}

/** The Luhn (mod 10) check over every digit, the last being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** A UnionPay card number (16–19 digits beginning with 62), which carries a Luhn check digit. */
export function usesLuhn(digits: string): boolean {
  return /^62\d{14,17}$/.test(digits)
}

/**
 * Checks a bank card or account number as typed. Never throws: the number (digits
 * only) or one error code.
 */
export function parseBankAccountNumber(input: unknown): BankAccountResult {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, code: 'bank_account_required' }
  const value = normaliseBankAccountNumber(input)
  if (!/^\d+$/.test(value)) return { ok: false, code: 'bank_account_characters' }
  if (value.length < BANK_ACCOUNT_MIN_DIGITS || value.length > BANK_ACCOUNT_MAX_DIGITS) {
    return { ok: false, code: 'bank_account_length', params: { length: value.length } }
  }
  if (usesLuhn(value) && !luhnValid(value)) return { ok: false, code: 'bank_account_checksum' }
  return { ok: true, value }
}

/**
 * What is already wrong while the number is still being typed (null: nothing yet):
 * a character that is not a digit, too many digits, or a UnionPay card number that
 * has all its 19 digits and fails the check. A number too short, or a card number
 * of 16–18 digits that may yet grow, waits for `parseBankAccountNumber` when the
 * field is left or the form sent.
 */
export function bankAccountTypingProblem(input: string): BankAccountResult | null {
  const value = normaliseBankAccountNumber(input)
  if (value === '') return null
  if (!/^\d+$/.test(value)) return { ok: false, code: 'bank_account_characters' }
  if (value.length > BANK_ACCOUNT_MAX_DIGITS) return { ok: false, code: 'bank_account_length', params: { length: value.length } }
  if (value.length === 19 && usesLuhn(value) && !luhnValid(value)) return { ok: false, code: 'bank_account_checksum' }
  return null
}

/** `6222021234567890123` → `6222 **** **** 0123`: the issuer's first four digits and the last four. */
export function maskBankAccountNumber(digits: string): string {
  if (digits.length <= 8) return '*'.repeat(digits.length)
  return `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`
}

/** `6222021234567890123` → `6222 0212 3456 7890 123`, as printed on a card (for the field being typed). */
export function groupBankAccountNumber(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ')
}
