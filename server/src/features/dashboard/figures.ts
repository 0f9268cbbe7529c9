import type { CivilDate } from '@huzhu/shared'

/** `numerator ÷ denominator` in basis points, rounded half-up (exact integer arithmetic); null when the denominator is 0. */
export function ratioBp(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null
  const n = BigInt(numerator) * 20_000n + BigInt(denominator)
  return Number(n / (BigInt(denominator) * 2n))
}

/** The `rank`-th smallest value (1-based) of a histogram sorted by value; null when it holds fewer. */
export function nthOf(histogram: readonly { value: number; count: number }[], rank: number): number | null {
  let seen = 0
  for (const bucket of histogram) {
    seen += bucket.count
    if (seen >= rank) return bucket.value
  }
  return null
}

/** Lower median: the ⌈n/2⌉-th smallest. */
export const medianOf = (histogram: readonly { value: number; count: number }[], n: number) => (n === 0 ? null : nthOf(histogram, Math.ceil(n / 2)))
/** 90th percentile, nearest rank: the ⌈0.9·n⌉-th smallest. */
export const p90Of = (histogram: readonly { value: number; count: number }[], n: number) => (n === 0 ? null : nthOf(histogram, Math.floor((9 * n + 9) / 10)))

/** A date's month number (year × 12 + month − 1), the unit average ages are counted in. */
export const monthIndexOf = (day: CivilDate) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1

/** The average age in whole months (half-up) on `day` of `people` born in months summing to `birthMonthSum`; null for nobody. */
export function averageAgeMonths(day: CivilDate, people: number, birthMonthSum: number): number | null {
  if (people === 0) return null
  const total = monthIndexOf(day) * people - birthMonthSum
  return Math.floor((2 * total + people) / (2 * people))
}
