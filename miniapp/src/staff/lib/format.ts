/** How staff pages write claim numbers and instants. */

/**
 * A claim's short number: the last 8 characters of its id (`clm_` + a ULID whose
 * tail is random), enough to tell two claims of the same person and kind apart
 * and to read out over the phone; the full id stays on the claim page.
 */
export function shortClaimNumber(claimId: string): string {
  return claimId.slice(-8).toUpperCase()
}

/** An instant as China time: `2026-11-25T07:17:00Z` → `2026-11-25 15:17`. */
export { chinaTime } from '@huzhu/shared'
