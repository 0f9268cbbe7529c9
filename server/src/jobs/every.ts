import type { Logger } from 'pino'
import { nowIso, type Clock } from '../clock'
import type { Db } from '../db/open'
import { releaseJobLease, takeJobLease } from './job-leases'

export interface ScheduledRun {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>
}

/** Runs a job once however many nodes run it: through its lease row in `job_leases` (`job-leases.ts`). */
export interface JobLease {
  db: Db
  clock: Clock
  /** This node's name (e.g. the outbox worker's `nodeId`). */
  holder: string
}

/**
 * Runs `run` now and then every `everyMs`, on an unref'd timer (it never keeps
 * the process alive). A failed run is logged and the next one tries again; a
 * run still going when the next is due is not doubled.
 *
 * With a `lease`, each tick first takes the job's lease (named `name`) for the
 * rest of the period (`everyMs` less a minute): of all the nodes ticking, the
 * first takes it and runs, the others find it held and skip that period. A node
 * that dies holding it only delays the job until the lease runs out; a failed
 * run gives the lease back at once, so the next tick of any node tries again.
 */
export function every(name: string, everyMs: number, logger: Logger, run: () => Promise<unknown>, lease?: JobLease): ScheduledRun {
  const holdMs = Math.max(everyMs - 60_000, Math.ceil(everyMs / 2))
  const once = async (): Promise<unknown> => {
    if (!lease) return run()
    const { db, clock, holder } = lease
    const now = clock.now()
    if (!(await takeJobLease(db, name, holder, now.toISOString(), new Date(now.getTime() + holdMs).toISOString()))) {
      logger.debug({ job: name }, 'scheduled job skipped: another node runs it this period')
      return undefined
    }
    try {
      return await run()
    } catch (error) {
      await releaseJobLease(db, name, holder, nowIso(clock)).catch(() => undefined)
      throw error
    }
  }
  let running: Promise<void> | undefined
  const tick = () => {
    if (running) return
    running = once()
      .then(() => undefined, (error: unknown) => logger.error({ err: error, job: name }, 'scheduled job failed'))
      .finally(() => { running = undefined })
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  tick()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
