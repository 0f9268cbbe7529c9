import { isRealDate, type CivilDate } from '../dates/civil-date'
import { toHalfWidth } from '../text'

/**
 * Resident identity numbers (居民身份证号码, GB 11643-1999) and the documents
 * that share their format: residence permits of Hong Kong, Macao and Taiwan
 * residents (810000/820000/830000) and the foreigner's permanent-residence
 * card (first digit 9). Region codes are not checked: abolished codes stay on
 * real cards.
 */

export type IdDocumentKind = 'resident' | 'hk_macao_taiwan_residence' | 'foreign_permanent_residence'
export type Sex = 'M' | 'F'

export interface IdNumber {
  /** Canonical form: 18 ASCII characters, upper-case X. */
  readonly value: string
  readonly birthDate: CivilDate
  readonly sex: Sex
  readonly kind: IdDocumentKind
}

export type IdNumberErrorCode =
  | 'id_required'
  | 'id_first_generation'
  | 'id_length'
  | 'id_characters'
  | 'id_birth_date_invalid'
  | 'id_birth_date_future'
  | 'id_checksum'

export type IdNumberResult =
  | { ok: true; value: IdNumber }
  | { ok: false; code: IdNumberErrorCode; params?: Record<string, string | number> }

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'

/** The check character (0–9 or X) for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

/** What a person typed, in the canonical form: half-width, no spaces, upper-case X. */
export function normaliseIdNumber(input: string): string {
  return toHalfWidth(input).replace(/[\s-]/g, '').toUpperCase()
}

/**
 * Checks an ID number as typed. `today` (China date) bounds the birth date.
 * Never throws: every input either parses or gets one error code.
 */
export function parseIdNumber(input: unknown, today: CivilDate): IdNumberResult {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, code: 'id_required' }
  const value = normaliseIdNumber(input)
  if (/^\d{15}$/.test(value)) return { ok: false, code: 'id_first_generation' }
  if (!/^[0-9X]*$/.test(value)) return { ok: false, code: 'id_characters' }
  if (value.length !== 18) return { ok: false, code: 'id_length', params: { length: value.length } }
  if (!/^\d{17}[0-9X]$/.test(value)) return { ok: false, code: 'id_characters' }

  const year = Number(value.slice(6, 10))
  const month = Number(value.slice(10, 12))
  const day = Number(value.slice(12, 14))
  const shown = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  if (year < 1900 || !isRealDate(year, month, day)) {
    return { ok: false, code: 'id_birth_date_invalid', params: { date: shown } }
  }
  if (shown > today) return { ok: false, code: 'id_birth_date_future', params: { date: shown } }
  if (idCheckCharacter(value) !== value[17]) return { ok: false, code: 'id_checksum' }

  const sexDigit = value.charCodeAt(16) - 48
  const prefix = value.slice(0, 2)
  const kind: IdDocumentKind =
    value[0] === '9' ? 'foreign_permanent_residence'
      : prefix === '81' || prefix === '82' || prefix === '83' ? 'hk_macao_taiwan_residence'
        : 'resident'
  return { ok: true, value: { value, birthDate: shown, sex: sexDigit % 2 === 1 ? 'M' : 'F', kind } }
}
