import { auditActionLabels, auditExportColumns, auditFieldLabel, auditResourceLabel, type AuditEntry } from '@huzhu/shared'
import ExcelJS from 'exceljs'

export { AUDIT_EXPORT_LIMIT } from '@huzhu/shared'

/** `2026-11-25T07:17:03.120Z` → `2026-11-25 15:17:03` (China time). */
export function chinaDateTime(iso: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

/** `审计日志-2026-11-01至2026-11-30.xlsx`, by the days asked for. */
export function auditFileName(from: string | undefined, to: string | undefined): string {
  if (from === undefined && to === undefined) return '审计日志.xlsx'
  return `审计日志-${from ?? ''}${to === undefined ? '起' : `至${to}`}.xlsx`
}

/**
 * The audit log as a spreadsheet for an inspection: one row per entry, newest
 * first, in China time, actions and resources in words (the raw resource kept
 * beside the account ids), phones masked. Every cell is text.
 */
export async function auditWorkbook(entries: readonly AuditEntry[], createdAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = createdAt
  const sheet = workbook.addWorksheet('审计日志')
  const widths = [20, 32, 14, 8, 32, 14, 36, 28, 16, 38]
  sheet.columns = auditExportColumns.map((header, i) => ({ header, width: widths[i], style: { numFmt: '@' } }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const e of entries) {
    sheet.addRow([
      chinaDateTime(e.at),
      e.actorUserId ?? '系统',
      e.actorPhoneMasked ?? '',
      auditActionLabels[e.action],
      e.subjectUserId ?? '',
      e.subjectPhoneMasked ?? '',
      auditResourceLabel(e.resource) === e.resource ? e.resource : `${auditResourceLabel(e.resource)}（${e.resource}）`,
      e.fields.map(auditFieldLabel).join('、'),
      e.ip ?? '',
      e.requestId ?? '',
    ])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
