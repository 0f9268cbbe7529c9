import type { AppContext } from './context'
import type { ResponseSpec } from './route'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The OpenAPI response of a route that answers with an xlsx file. */
export function xlsxResponse(description = 'An xlsx file'): ResponseSpec {
  return { description, contentType: XLSX_TYPE }
}

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<name>`: the ASCII name for
 * old clients, the real (often Chinese) one for the rest.
 */
export function attachment(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

/** Answers with an xlsx download. */
export function sendXlsx(ctx: Pick<AppContext, 'set' | 'type' | 'body'>, body: Buffer, fileName: string, asciiFallback = fileName): void {
  ctx.set('Content-Disposition', attachment(fileName, asciiFallback))
  ctx.type = XLSX_TYPE
  ctx.body = body
}
