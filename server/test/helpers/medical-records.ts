import ExcelJS from 'exceljs'
import { medicalRecordColumns } from '@huzhu/shared'
import type { TestUser } from './login'
import { XLSX } from './rosters'
import type { TestApp } from './test-app'

export type RecordCell = string | number | Date | null

/** An xlsx with the medical-insurance header and these rows; the ID column as text. */
export async function recordsXlsx(rows: RecordCell[][], header: readonly string[] = medicalRecordColumns): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('医保结算')
  sheet.getColumn(1).numFmt = '@'
  sheet.addRow([...header])
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The record of the helpers' A0 inpatient claim (2020-06-01; 15,000.00 total, 8,000.00 pooled, 2,000.00 supplementary). */
export function matchingRecordRow(idNumber: string, over: Partial<Record<number, RecordCell>> = {}): RecordCell[] {
  const row: RecordCell[] = [idNumber, '西安市第一医院', '2020-06-01', '2020-06-13', '15000.00', '8000', '2000.00', '0']
  for (const [i, v] of Object.entries(over)) row[Number(i)] = v ?? null
  return row
}

/** Staff import medical-insurance settlement records (an xlsx body). */
export function importRecords(app: TestApp, staff: TestUser, body: Buffer, contentType = XLSX) {
  return app.api.request('POST', '/api/v1/medical-records', undefined, { token: staff.token, headers: { 'content-type': contentType }, rawBody: body })
}
