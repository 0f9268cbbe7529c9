import { AppError } from '../http/errors'
import { PARSE_SLOTS } from './limits'

export type ReleaseSlot = () => void

export interface SlotLimits {
  concurrent: number
  maxWaiting: number
  maxWaitMs: number
  retryAfterSeconds: number
}

/** 503 `spreadsheet_busy` with Retry-After: every slot is taken and the queue is full, or the wait ran out. */
export function spreadsheetBusy(seconds: number): AppError {
  return new AppError(503, 'spreadsheet_busy', { params: { seconds }, headers: { 'Retry-After': String(seconds) } })
}

/**
 * A counting semaphore with a bounded queue: at most `concurrent` holders; the
 * next `maxWaiting` callers wait in turn, each at most `maxWaitMs`; anyone
 * beyond, or whose wait runs out, is refused with a 503.
 */
export class ParseSlots {
  private running = 0
  private readonly queue: { grant: () => void }[] = []

  constructor(private readonly limits: SlotLimits) {}

  get busy(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length }
  }

  async acquire(): Promise<ReleaseSlot> {
    if (this.running < this.limits.concurrent) {
      this.running++
      return this.releaser()
    }
    if (this.queue.length >= this.limits.maxWaiting) throw spreadsheetBusy(this.limits.retryAfterSeconds)
    await new Promise<void>((granted, refused) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer)
          granted()
        },
      }
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(waiter), 1)
        refused(spreadsheetBusy(this.limits.retryAfterSeconds))
      }, this.limits.maxWaitMs)
      this.queue.push(waiter)
    })
    return this.releaser()
  }

  private releaser(): ReleaseSlot {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.queue.shift()
      // The slot passes straight to the next in line; `running` stays the same.
      if (next) next.grant()
      else this.running--
    }
  }
}

/** The process's one set of slots for parsing spreadsheets: memory is the process's. */
export const parseSlots = new ParseSlots(PARSE_SLOTS)
