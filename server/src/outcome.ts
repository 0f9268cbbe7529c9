import type { AppError } from './http/errors'

/**
 * What a service returns when a refusal must still commit its transaction (a
 * wrong SMS code counts an attempt; a rate-limited request counts a hit).
 * Throwing inside `db.transaction().execute()` rolls everything back, so the
 * service returns the refusal and the route throws it after the commit.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value })
export const failure = <T = never>(error: AppError): Outcome<T> => ({ ok: false, error })

/** The value, or the refusal thrown (call after the transaction has committed). */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw outcome.error
  return outcome.value
}
