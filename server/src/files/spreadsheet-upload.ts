import type { ErrorCode } from '@huzhu/shared'
import type { AppContext } from '../http/context'
import { AppError, formatBytes } from '../http/errors'
import { XLSX_TYPE } from '../http/file-response'
import { receiveBody } from '../http/receive-body'
import { withTempFile } from './temp-files'

/**
 * What a spreadsheet is uploaded for (a roster, medical-insurance settlement
 * records, a bank statement, a bank's results file): its name in the
 * temporary area, its size limit, and the codes its refusals carry, so each
 * refusal speaks of the file the user sent (`参保名单`, `医保结算数据`, …).
 */
export interface SpreadsheetPurpose {
  /** The temporary file's name prefix. */
  label: string
  /** Most bytes taken (413 beyond). */
  maxBytes: number
  codes: {
    /** 415: not sent as an xlsx or octet-stream, or with a content encoding. */
    contentType: ErrorCode
    /** 413: more than `maxBytes` (`limit` parameter: the limit in words). */
    tooLarge: ErrorCode
    /** 422: an empty body, and what the sheet reader answers for a file it cannot read (`readFirstSheet`'s `invalidFileCode`). */
    invalidFile: ErrorCode
  }
}

/** A received spreadsheet: a file in this node's temporary area, removed when the request is done with it. */
export interface ReceivedSpreadsheet {
  path: string
  sha256: string
  size: number
}

/**
 * Streams an uploaded spreadsheet (the raw body: the xlsx bytes) to `path`,
 * refusing, with the purpose's codes, anything but an xlsx or octet-stream type
 * (415), more than its `maxBytes` (413, as soon as seen; `Connection: close`)
 * and an empty body (422). Returns the SHA-256 and size.
 */
export async function receiveSpreadsheet(ctx: Pick<AppContext, 'request' | 'req' | 'get'>, purpose: SpreadsheetPurpose, path: string): Promise<ReceivedSpreadsheet> {
  const { codes, maxBytes } = purpose
  if (!ctx.request.is(XLSX_TYPE, 'application/octet-stream')) throw new AppError(415, codes.contentType)
  const encoding = ctx.get('Content-Encoding')
  if (encoding !== '' && encoding.toLowerCase() !== 'identity') throw new AppError(415, codes.contentType)
  const { sha256, size } = await receiveBody(ctx.req, path, {
    limit: maxBytes,
    declaredLength: ctx.request.length,
    // `Connection: close`: the rest of a refused body is not worth reading; the client gets the answer, then the socket ends.
    tooLarge: () => new AppError(413, codes.tooLarge, { params: { limit: formatBytes(maxBytes) }, headers: { Connection: 'close' } }),
  })
  if (size === 0) throw new AppError(422, codes.invalidFile, { details: [{ reason: 'empty' }] })
  return { path, sha256, size }
}

/**
 * Receives the request's spreadsheet into a fresh temporary file and runs `use`
 * with it; the file is removed when `use` ends, whatever the outcome (an
 * uploaded file may hold ID numbers or accounts in clear: never kept past the
 * request unless `use` moves it into the blob store).
 */
export function withUploadedSpreadsheet<T>(
  ctx: Pick<AppContext, 'request' | 'req' | 'get' | 'deps'>, purpose: SpreadsheetPurpose, use: (file: ReceivedSpreadsheet) => Promise<T>,
): Promise<T> {
  return withTempFile(ctx.deps.config.dataDir, purpose.label, async (path) => use(await receiveSpreadsheet(ctx, purpose, path)))
}
