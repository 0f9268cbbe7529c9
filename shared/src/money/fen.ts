import { z } from 'zod'
import { toHalfWidth } from '../text'

/**
 * Money is an integer number of fen (1 yuan = 100 fen). Rates are basis points
 * (1 % = 100 bp). Rounding is half-up, on integers only.
 */

/** The largest amount the product handles: 100 million yuan, far below 2^53 even after × 10,000 bp. */
export const MAX_FEN = 10_000_000_000

export const fenSchema = z
  .number()
  .int({ message: 'money_not_integer_fen' })
  .min(0, { message: 'money_negative' })
  .max(MAX_FEN, { message: 'money_too_large' })
  .describe('amount in fen (1 yuan = 100 fen)')

export const basisPointsSchema = z.number().int().min(0).max(10_000).describe('rate in basis points, 10000 = 100 %')

/** amount × rate, rounded half-up to the fen. */
export function applyRate(amountFen: number, rateBp: number): number {
  return Math.floor((amountFen * rateBp + 5_000) / 10_000)
}

/** `620000` → `"6,200.00"`. */
export function formatFen(fen: number): string {
  const negative = fen < 0
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}${grouped}.${cents < 10 ? '0' : ''}${cents}`
}

/** `620000` → `"¥6,200.00"`. */
export function formatYuan(fen: number): string {
  return `¥${formatFen(fen)}`
}

/**
 * Parses what a person types or a settlement slip shows as yuan ("6200", "6,200.5",
 * "¥6200.00", full-width digits) into fen, exactly, without floating point.
 * Returns null when the text is not an amount with at most two decimals.
 */
export function parseYuan(text: string): number | null {
  const cleaned = toHalfWidth(text).replace(/[\s,，¥￥元]/g, '')
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned)
  if (!m) return null
  const cents = (m[2] ?? '').padEnd(2, '0')
  return Number(m[1]) * 100 + Number(cents)
}
