import type { Logger } from 'pino'

export interface ScheduledRun {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>
}

/**
 * Runs `run` now and then every `everyMs`, on an unref'd timer (it never keeps
 * the process alive). A failed run is logged and the next one tries again; a
 * run still going when the next is due is not doubled.
 */
export function every(name: string, everyMs: number, logger: Logger, run: () => Promise<unknown>): ScheduledRun {
  let running: Promise<void> | undefined
  const tick = () => {
    if (running) return
    running = run()
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
