import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { Logger } from 'pino'
import { isoPlusSeconds, nowIso, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { safeReason } from './delivery-error'
import { isOutboxKind, outboxKinds, retryDelaySeconds, type OutboxHandler, type OutboxHandlers, type OutboxKick, type OutboxKind } from './outbox-kinds'
import { pruneOutbox, settleOutboxRow, takeDueOutboxRows } from './outbox.repository'
import { openPayload } from './outbox.service'
import type { OutboxRow } from './outbox.table'

export interface OutboxWorkerDeps {
  db: Db
  clock: Clock
  logger: Logger
  protector: DataProtector
  /**
   * Resolves once every commit so far is on disk (SQLite's group commit): nothing goes out about a change that a
   * power cut could still take back. Absent: every commit is durable when it returns (PostgreSQL, tests).
   */
  durable?: () => Promise<void>
}

export interface OutboxWorkerOptions {
  /** This process's name in `lease_owner` (default: host, pid and a random part). */
  nodeId?: string
  /** Look for due rows this often (retries, rows of a crashed node); 0: only when kicked or drained. */
  pollMs?: number
  /** How long a take holds a row; longer than any send (SMS and WeChat time out after 10 s). */
  leaseSeconds?: number
  /** Rows taken at once, sent in parallel. */
  batchSize?: number
}

const DAY_SECONDS = 86_400
/** Sent rows are kept a week, given-up rows a month, then pruned. */
const KEEP_DONE_SECONDS = 7 * DAY_SECONDS
const KEEP_FAILED_SECONDS = 30 * DAY_SECONDS
const PRUNE_EVERY_MS = 3600_000

/**
 * Sends the outbox. `kick()` after a commit sends what it queued at once; a
 * timer (`pollMs`) picks up retries that fall due and rows a crashed process
 * left leased. Rows are taken with a lease (`takeDueOutboxRows`), so several
 * workers or nodes on one database send each message once; a failure is
 * retried with exponential back-off up to the kind's `maxAttempts`, then the
 * row is marked failed and logged (its id, kind and the provider's error code,
 * nothing personal). Nothing here ever throws into the caller.
 */
export class OutboxWorker implements OutboxKick {
  readonly nodeId: string
  readonly #deps: OutboxWorkerDeps
  readonly #handlers: OutboxHandlers
  readonly #pollMs: number
  readonly #leaseSeconds: number
  readonly #batchSize: number
  #timer: NodeJS.Timeout | undefined
  #running: Promise<void> | undefined
  #again = false
  #stopped = false
  #lastPrune = Number.NEGATIVE_INFINITY

  constructor(deps: OutboxWorkerDeps, handlers: OutboxHandlers, options: OutboxWorkerOptions = {}) {
    this.#deps = deps
    this.#handlers = handlers
    this.nodeId = options.nodeId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
    this.#pollMs = options.pollMs ?? 5_000
    this.#leaseSeconds = options.leaseSeconds ?? 60
    this.#batchSize = options.batchSize ?? 10
  }

  /** Starts polling (unless `pollMs` is 0) and looks once now: rows left by an earlier run go out. */
  start(): void {
    if (this.#pollMs > 0 && !this.#timer) {
      this.#timer = setInterval(() => this.kick(), this.#pollMs)
      this.#timer.unref()
    }
    this.kick()
  }

  /** Sends what is due now, in the background; a kick during a run makes the run look again. */
  kick(): void {
    if (this.#stopped) return
    if (this.#running) {
      this.#again = true
      return
    }
    this.#running = new Promise<void>((done) => setImmediate(done))
      .then(() => this.#loop())
      .catch((error: unknown) => this.#deps.logger.error({ reason: safeReason(error) }, 'outbox run failed'))
      .finally(() => { this.#running = undefined })
  }

  /** Sends everything due now and resolves when nothing is left to send (for tests and scripts). */
  async drain(): Promise<void> {
    this.kick()
    while (this.#running) await this.#running
  }

  /** Stops polling and kicks, and waits for the sends in progress. */
  async stop(): Promise<void> {
    this.#stopped = true
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = undefined
    while (this.#running) await this.#running
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false
      while (!this.#stopped && (await this.#runOnce()) === this.#batchSize) { /* a full batch: more may be due */ }
      await this.#pruneNowAndThen()
    } while (this.#again && !this.#stopped)
  }

  /** Takes up to a batch of due rows (one atomic update) and sends them; returns how many were taken. */
  async #runOnce(): Promise<number> {
    const { db, clock } = this.#deps
    const taken = await takeDueOutboxRows(db, this.nodeId, nowIso(clock), isoPlusSeconds(clock, this.#leaseSeconds), this.#batchSize)
    if (taken.length > 0) await this.#deps.durable?.()
    await Promise.all(taken.map((row) => this.#send(row)))
    return taken.length
  }

  async #send(row: OutboxRow): Promise<void> {
    const { db, clock, logger, protector } = this.#deps
    const log = logger.child({ outboxId: row.id, kind: row.kind, attempt: row.attempts })
    const settle = async (outcome: Parameters<typeof settleOutboxRow>[3]) => {
      if (!(await settleOutboxRow(db, row.id, this.nodeId, outcome))) log.warn('outbox lease lost before the outcome was written')
    }
    try {
      if (!isOutboxKind(row.kind)) {
        log.error('outbox message of an unknown kind given up')
        return await settle({ failed_at: nowIso(clock), last_error: 'unknown kind' })
      }
      if (row.expires_at !== null && row.expires_at <= nowIso(clock)) {
        log.warn('outbox message expired before it could be sent')
        return await settle({ failed_at: nowIso(clock), last_error: 'expired' })
      }
      const kind: OutboxKind = row.kind
      let data: unknown
      try {
        data = openPayload(protector, row, kind)
      } catch {
        log.error('outbox payload unreadable (data key changed?), given up')
        return await settle({ failed_at: nowIso(clock), last_error: 'payload unreadable' })
      }
      try {
        await (this.#handlers[kind] as OutboxHandler<OutboxKind>)(data as never, { log, attempt: row.attempts })
      } catch (error) {
        const reason = safeReason(error)
        if (row.attempts >= outboxKinds[kind].maxAttempts) {
          log.error({ reason, attempts: row.attempts }, 'outbox message failed for good')
          return await settle({ failed_at: nowIso(clock), last_error: reason })
        }
        const delay = retryDelaySeconds(kind, row.attempts)
        log.warn({ reason, retryInSeconds: delay }, 'outbox message failed, will retry')
        return await settle({ run_after: isoPlusSeconds(clock, delay), last_error: reason })
      }
      log.debug('outbox message sent')
      await settle({ done_at: nowIso(clock) })
    } catch (error) {
      // The database failed while settling: the lease runs out and the row is taken again.
      log.error({ reason: safeReason(error) }, 'outbox message could not be settled')
    }
  }

  async #pruneNowAndThen(): Promise<void> {
    const { db, clock, logger } = this.#deps
    const now = clock.now().getTime()
    if (now - this.#lastPrune < PRUNE_EVERY_MS) return
    this.#lastPrune = now
    const pruned = await pruneOutbox(db, isoPlusSeconds(clock, -KEEP_DONE_SECONDS), isoPlusSeconds(clock, -KEEP_FAILED_SECONDS))
    if (pruned > 0) logger.info({ pruned }, 'old outbox rows pruned')
  }
}
