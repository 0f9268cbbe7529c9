import { maskName } from '@huzhu/shared'
import ExcelJS from 'exceljs'
import type { claimPaymentBatchSchema } from '@huzhu/shared'
import type { z } from 'zod'
import type { ClaimPaymentBatchRow } from './claim-payment-batches.table'

export function presentBatch(row: ClaimPaymentBatchRow): z.infer<typeof claimPaymentBatchSchema> {
  return { id: row.id, count: row.count, totalFen: row.total_fen, createdAt: row.created_at, createdBy: row.created_by }
}

/** `2026-11-25T02:03:04.000Z` → `2026-11-25 10:03:04` (China time). */
function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}

export interface BatchLine {
  id: string
  name: string
  approved_fen: number | null
  payment_reference: string | null
  paid_at: string | null
}

/** The batch as an xlsx sheet: claim id, masked name, amount in yuan (two decimals, computed from fen), reference, paid at. */
export async function batchWorkbook(batch: ClaimPaymentBatchRow, lines: readonly BatchLine[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date(batch.created_at)
  const sheet = workbook.addWorksheet('理赔付款')
  sheet.columns = [
    { header: '理赔编号', key: 'id', width: 34 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '金额（元）', key: 'amount', width: 14, style: { numFmt: '#,##0.00' } },
    { header: '付款流水号', key: 'reference', width: 28 },
    { header: '付款时间', key: 'paidAt', width: 20 },
  ]
  sheet.getRow(1).font = { bold: true }
  for (const line of lines) {
    const fen = line.approved_fen ?? 0
    sheet.addRow({ id: line.id, name: maskName(line.name), amount: Number(`${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`), reference: line.payment_reference, paidAt: line.paid_at ? chinaTime(line.paid_at) : '' })
  }
  const total = lines.reduce((s, l) => s + (l.approved_fen ?? 0), 0)
  sheet.addRow({ id: `合计 ${lines.length} 笔`, amount: Number(`${Math.trunc(total / 100)}.${String(total % 100).padStart(2, '0')}`) }).font = { bold: true }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
