import { rm } from 'node:fs/promises'
import type { AppContext } from '../../http/context'
import { AppError, formatBytes } from '../../http/errors'
import { XLSX_TYPE } from '../../http/file-response'
import { receiveBody } from '../../http/receive-body'

/**
 * Streams an uploaded spreadsheet (the raw body: the xlsx bytes) to `path`,
 * refusing anything but an xlsx or octet-stream type (415), more than `limit`
 * bytes (413) and an empty body (422). Returns the SHA-256 and size.
 */
export async function receiveXlsx(ctx: Pick<AppContext, 'request' | 'req' | 'get'>, path: string, limit: number): Promise<{ sha256: string; size: number }> {
  if (!ctx.request.is(XLSX_TYPE, 'application/octet-stream')) throw new AppError(415, 'roster_content_type')
  const encoding = ctx.get('Content-Encoding')
  if (encoding !== '' && encoding.toLowerCase() !== 'identity') throw new AppError(415, 'roster_content_type')
  const { sha256, size } = await receiveBody(ctx.req, path, {
    limit,
    declaredLength: ctx.request.length,
    // `Connection: close`: the rest of a refused body is not worth reading; the client gets the answer, then the socket ends.
    tooLarge: () => new AppError(413, 'roster_file_too_large', { params: { limit: formatBytes(limit) }, headers: { Connection: 'close' } }),
  })
  if (size === 0) {
    await rm(path, { force: true })
    throw new AppError(422, 'roster_invalid_file', { details: [{ reason: 'empty' }] })
  }
  return { sha256, size }
}
