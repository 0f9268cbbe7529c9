import type { IncomingMessage } from 'node:http'
import { isAppError } from './errors'

/** Error codes of a connection the client closed (reset, half-closed mid-body, a stream cut short). */
const CLIENT_GONE_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED', 'HPE_INVALID_EOF_STATE',
])

/** Not a real HTTP status, nobody receives it: nginx's "client closed request", for the access log. */
export const CLIENT_CLOSED_REQUEST = 499

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null | undefined)?.code
  return typeof code === 'string' ? code : undefined
}

/** An error a socket or stream raises because the client went away. */
export function isClientGoneError(error: unknown): boolean {
  const code = codeOf(error)
  return code !== undefined && CLIENT_GONE_CODES.has(code)
}

/**
 * True when the client closed its connection before it was answered, so what
 * the handler threw (a stream error, a refusal of the half-sent body) is no
 * server fault: the connection is gone and either its body never finished or
 * the error is the connection's own. A real failure while the client happens
 * to be gone (the body was complete, the error is not a socket's) is still one,
 * and an `AppError` is a refusal of ours, never the client's doing.
 */
export function clientClosedRequest(req: IncomingMessage, error: unknown): boolean {
  if (isAppError(error)) return false // a refusal of ours, answered (or not) as usual
  if (!req.destroyed && req.socket?.destroyed !== true) return false
  return !req.complete || isClientGoneError(error)
}

/** What is logged of such an error: its code, never a stack. */
export function clientAbortFields(req: IncomingMessage, error: unknown): { code: string | undefined; bodyComplete: boolean } {
  return { code: codeOf(error), bodyComplete: req.complete }
}
