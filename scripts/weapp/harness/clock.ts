/**
 * The mini-program's timers on a virtual clock: `setTimeout`/`setInterval` inside
 * the app only queue work here, and the harness runs it in time order without
 * waiting (`runNext`). The client's retries (800 and 2,000 ms), a login countdown
 * or a page's polling then cost no real time. `Date.now()` stays real.
 */
interface Timer {
  at: number
  run: () => void
  /** 0 for a timeout; the period of an interval. */
  every: number
}

export class VirtualClock {
  private timeNow = 0
  private sequence = 0
  private readonly timers = new Map<number, Timer>()

  /** Virtual milliseconds since the app started. */
  get now(): number {
    return this.timeNow
  }

  /** A timeout (or with `repeat`, an interval) of `ms` virtual milliseconds; returns its id. */
  add(run: () => void, ms: unknown, repeat = false): number {
    const id = ++this.sequence
    const delay = Math.max(0, Number(ms) || 0)
    this.timers.set(id, { at: this.timeNow + delay, run, every: repeat ? Math.max(1, delay) : 0 })
    return id
  }

  /** Work for "as soon as possible" (a callback of an async wx API, a `nextTick`). */
  soon(run: () => void): number {
    return this.add(run, 0)
  }

  clear(id: unknown): void {
    this.timers.delete(Number(id))
  }

  /**
   * Runs the earliest timer due at or before `horizon` (ties in the order they
   * were set), moving the clock to its time. False when none is due.
   */
  runNext(horizon: number): boolean {
    let nextId: number | null = null
    let next: Timer | null = null
    for (const [id, timer] of this.timers) {
      if (timer.at <= horizon && (next === null || timer.at < next.at)) {
        nextId = id
        next = timer
      }
    }
    if (next === null || nextId === null) return false
    this.timeNow = Math.max(this.timeNow, next.at)
    if (next.every > 0) next.at = this.timeNow + next.every
    else this.timers.delete(nextId)
    next.run()
    return true
  }
}
