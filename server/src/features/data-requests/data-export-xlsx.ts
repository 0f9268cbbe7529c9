import type { DataExport } from '@huzhu/shared'
import ExcelJS from 'exceljs'
import { chinaDateTime } from '../audit/audit-export'
import { claimDocumentRow, claimRow, claimStepRow } from './data-export-claim-rows'
import {
  accountRow, auditEntryInWords, consentRow, deletionRequestRow, enrolmentRow, fundingShareRow, hardshipRow, medicalRecordRow, notificationRow,
  payeeAccountRow, paymentOrderRow, paymentRow, personRow, profileRow, sessionRow, uploadRow, type Row,
} from './data-export-rows'

/** Columns as wide as their text (a Chinese character counts two), between 8 and 60. */
function widthOf(texts: readonly string[]): number {
  const widest = Math.max(...texts.map((t) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0)))
  return Math.min(60, Math.max(8, widest + 2))
}

/** A sheet of rows in words (each row its column titles in order); `（无）` when there are none. */
function addTable(workbook: ExcelJS.Workbook, title: string, rows: readonly Row[]): void {
  const sheet = workbook.addWorksheet(title)
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  if (keys.length === 0) {
    sheet.addRow(['（无）'])
    return
  }
  sheet.columns = keys.map((key) => ({ header: key, width: widthOf([key, ...rows.map((r) => r[key] ?? '')]), style: { numFmt: '@' } }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const row of rows) sheet.addRow(keys.map((k) => row[k] ?? ''))
}

/**
 * The export as a workbook a member can open on a phone: a sheet per kind of
 * record, in words a member reads (data-export-rows.ts), every cell text (ID
 * numbers keep their digits). Written into memory, never into a file.
 */
export async function dataExportWorkbook(data: DataExport, intro: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date(data.exportedAt)
  const about = workbook.addWorksheet('说明')
  about.columns = [{ width: 90 }]
  about.addRow([intro])
  about.addRow([`导出时间：${chinaDateTime(data.exportedAt)}`])
  addTable(workbook, '账号', [accountRow(data.account)])
  addTable(workbook, '登录记录', data.sessions.map(sessionRow))
  addTable(workbook, '实名信息', data.profile ? [profileRow(data.profile)] : [])
  addTable(workbook, '参保人', data.persons.map(personRow))
  addTable(workbook, '参保记录', data.enrolments.map(enrolmentRow))
  addTable(workbook, '缴费', data.payments.map(paymentRow))
  addTable(workbook, '保费分担', data.fundingShares.map(fundingShareRow))
  addTable(workbook, '困难职工标记', data.hardshipWorker ? [hardshipRow(data.hardshipWorker)] : [])
  addTable(workbook, '线上支付', data.paymentOrders.map(paymentOrderRow))
  addTable(workbook, '理赔', data.claims.map(claimRow))
  addTable(workbook, '理赔进度', data.claims.flatMap((c) => c.history.map((step) => claimStepRow(c, step))))
  addTable(workbook, '理赔材料', data.claims.flatMap((c) => c.documents.map((d) => claimDocumentRow(c, d))))
  addTable(workbook, '上传文件', data.uploads.map(uploadRow))
  addTable(workbook, '收款账户', data.payeeAccounts.map(payeeAccountRow))
  addTable(workbook, '医保结算数据', data.medicalRecords.map(medicalRecordRow))
  addTable(workbook, '授权记录', data.consents.map(consentRow))
  addTable(workbook, '查看和修改记录', data.auditEntries.map(auditEntryInWords))
  addTable(workbook, '消息', data.notifications.map(notificationRow))
  addTable(workbook, '删除申请', data.deletionRequests.map(deletionRequestRow))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
