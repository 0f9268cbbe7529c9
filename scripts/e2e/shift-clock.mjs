// Loaded into the server process with NODE_OPTIONS=--import (staff e2e only): moves the
// server's clock by HUZHU_E2E_CLOCK_OFFSET_MS, so enrolments can be made "weeks ago" and a
// claim on them falls inside cover after the waiting period. No effect when the variable is unset.
const offset = Number(process.env.HUZHU_E2E_CLOCK_OFFSET_MS ?? 0)
if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = Date
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...args)
    }
    static now() {
      return RealDate.now() + offset
    }
  }
  globalThis.Date = ShiftedDate
}
