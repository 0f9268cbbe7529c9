import type { ErrorCode } from '@huzhu/shared'
import { AppError } from '../http/errors'

/** How a reader refuses a file it cannot read: the caller's code (`roster_invalid_file`, …) with `details[0].reason`. */
export interface SheetErrors {
  invalid(reason: string, extra?: Record<string, string | number>): AppError
}

export function sheetErrors(invalidFileCode: ErrorCode): SheetErrors {
  return { invalid: (reason, extra) => new AppError(422, invalidFileCode, { details: [{ reason, ...extra }] }) }
}

/** A refusal by one of the server's limits, whatever the kind of file: 422 naming the limit. */
export function spreadsheetError(code: ErrorCode, limit: number | string, reason: string): AppError {
  const shown = typeof limit === 'number' ? limit.toLocaleString('en') : limit
  return new AppError(422, code, { params: { limit: shown }, details: [{ reason, limit: shown }] })
}
