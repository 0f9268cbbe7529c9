/**
 * Preloaded into the server of an end-to-end run (NODE_OPTIONS=--import):
 * shifts the server's clock by the number of milliseconds in the file named by
 * HUZHU_FAKE_CLOCK_FILE, re-read as the test changes it. A rider's story spans
 * a month (enrolment, the 30-day hospital waiting period, a claim); the test
 * lives it in a minute. Without the variable, nothing changes.
 */
import { readFileSync } from 'node:fs'

const file = process.env.HUZHU_FAKE_CLOCK_FILE
if (file) {
  const RealDate = Date
  let offset = 0
  let readAt = Number.NEGATIVE_INFINITY
  const currentOffset = () => {
    const now = RealDate.now()
    if (now - readAt > 50) {
      readAt = now
      try {
        offset = Number(readFileSync(file, 'utf8').trim()) || 0
      } catch {
        offset = 0
      }
    }
    return offset
  }
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + currentOffset())
      else super(...args)
    }
    static now() {
      return RealDate.now() + currentOffset()
    }
  }
  globalThis.Date = ShiftedDate
}
