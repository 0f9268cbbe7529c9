/**
 * A send that failed for a known reason: the message is safe to log and to
 * store as the outbox row's `last_error` (a provider's error code, never a
 * phone number, a code or a provider's free text, which may quote them).
 */
export class DeliveryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DeliveryError'
  }
}

/** A network failure's code (ECONNREFUSED, ETIMEDOUT…), or the error's class name: never its message. */
export function networkReason(error: unknown): string {
  const seen = new Set<unknown>()
  for (let e: unknown = error; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e)
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return code
  }
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return 'timeout'
  return error instanceof Error ? error.name : 'unknown'
}

/** What may be logged and stored of any error a handler threw. */
export const safeReason = (error: unknown): string => (error instanceof DeliveryError ? error.message : networkReason(error))
