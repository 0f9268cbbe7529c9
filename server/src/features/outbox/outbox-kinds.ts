import type { Logger } from 'pino'
import { z } from 'zod'

/**
 * What each kind of outbox message carries and how it is retried. A failed
 * send waits `firstRetrySeconds`, then twice as long each time up to
 * `maxRetrySeconds`; after `maxAttempts` takes the row is marked failed.
 * `sealed` kinds carry personal data and keep their payload encrypted.
 *
 * - `login_code_sms`: a login code by SMS. Goes first; retried within the
 *   code's five minutes (5, 10, 20, 40 s), and never sent once the code expired.
 * - `notification`: a member's notice (`notifications` row), by WeChat
 *   subscribe message or SMS, chosen when it is sent (`notification-delivery.ts`).
 *   Retried for about three hours.
 * - `blob_delete`: a stored file to remove after the commit that stopped using
 *   it (a member's photos when their data is deleted: `features/data-requests`).
 *   A photo's bytes are shared by every upload of the same content, so it is
 *   removed only while no upload row names them. Retried for about six hours.
 */
export const outboxKinds = {
  login_code_sms: {
    sealed: true, priority: 0, maxAttempts: 5, firstRetrySeconds: 5, maxRetrySeconds: 60,
    schema: z.object({ phone: z.string(), code: z.string() }),
  },
  notification: {
    sealed: false, priority: 5, maxAttempts: 10, firstRetrySeconds: 30, maxRetrySeconds: 3600,
    schema: z.object({ notificationId: z.string() }),
  },
  blob_delete: {
    sealed: false, priority: 9, maxAttempts: 12, firstRetrySeconds: 60, maxRetrySeconds: 3600,
    schema: z.object({ key: z.string(), sha256: z.string().optional().describe('a photo: kept while an upload of these bytes remains') }),
  },
} as const

export type OutboxKind = keyof typeof outboxKinds
export type OutboxData = { [K in OutboxKind]: z.infer<(typeof outboxKinds)[K]['schema']> }
export type SealedOutboxKind = { [K in OutboxKind]: (typeof outboxKinds)[K]['sealed'] extends true ? K : never }[OutboxKind]
export type PlainOutboxKind = Exclude<OutboxKind, SealedOutboxKind>

export const isOutboxKind = (kind: string): kind is OutboxKind => Object.hasOwn(outboxKinds, kind)

/** Seconds to wait after the `attempts`-th failed take. */
export function retryDelaySeconds(kind: OutboxKind, attempts: number): number {
  const { firstRetrySeconds, maxRetrySeconds } = outboxKinds[kind]
  return Math.min(maxRetrySeconds, firstRetrySeconds * 2 ** Math.max(0, attempts - 1))
}

export interface OutboxContext {
  /** A child logger naming the row, kind and attempt (never the payload). */
  log: Logger
  /** 1 for the first take. */
  attempt: number
}

/** Sends one message of a kind; resolves once sent, throws to have it retried. */
export type OutboxHandler<K extends OutboxKind> = (data: OutboxData[K], context: OutboxContext) => Promise<void>
export type OutboxHandlers = { readonly [K in OutboxKind]: OutboxHandler<K> }

/** What a route needs after its commit: wake the worker so the message goes at once. */
export interface OutboxKick {
  kick(): void
}
