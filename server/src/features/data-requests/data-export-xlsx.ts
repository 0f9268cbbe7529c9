import { auditActionLabels, auditFieldLabel, auditResourceLabel, dataExportActorLabels, type DataExport } from '@huzhu/shared'
import ExcelJS from 'exceljs'
import { chinaDateTime } from '../audit/audit-export'

type Cell = string | number | boolean | null | undefined
type Row = Record<string, unknown>

/** Column titles a member reads; a field not listed keeps its name. */
const labels: Readonly<Record<string, string>> = {
  id: '编号', name: '姓名', idNumber: '身份证号码', sex: '性别', birthDate: '出生日期', mobile: '手机号码', phone: '登录手机号',
  occupation: '职业', platform: '所在平台或单位', basicMedicalInsurance: '已参加基本医保', unionMember: '工会会员', updatedAt: '更新时间',
  userId: '账号', masked: '已隐去部分号码', wechatLinked: '已绑定微信', createdAt: '创建时间', lastLoginAt: '最近登录', roles: '角色',
  method: '登录方式', expiresAt: '到期时间', revokedAt: '退出时间', via: '确认本人的方式', linkedAt: '确认时间',
  catalogueId: '保障计划编号', catalogueName: '保障计划', status: '状态', startOn: '保障开始', endOn: '保障结束', premiumFen: '保费（分）',
  enrolmentId: '参保编号', channel: '渠道', confirmedAt: '到账时间', amountFen: '金额（分）', paidAt: '支付时间', transactionId: '交易流水号',
  refunds: '退款', kind: '类别', eventDate: '出险日期', diagnosis: '诊断', hospital: '医院', figures: '费用金额', invoiceNumbers: '发票号码',
  submittedAt: '提交时间', dueOn: '应办结日期', estimate: '测算', decision: '审核结论', payeeAccount: '收款账户', payment: '打款',
  mediaType: '文件类型', size: '大小（字节）', sha256: '内容校验值', claimId: '理赔编号', holderName: '户名', bankName: '开户银行',
  numberMasked: '账号（隐去中间位）', isDefault: '默认', deleted: '已删除', admittedOn: '入院日期', dischargedOn: '出院日期',
  totalCostFen: '医疗费用总额（分）', pooledOutOfPocketFen: '统筹自付（分）', supplementaryOutOfPocketFen: '附加自付（分）',
  deductibleFen: '起付线（分）', importedAt: '导入时间', textVersion: '授权文本版本', givenAt: '授权时间', withdrawnAt: '撤回时间',
  at: '时间', by: '操作人', action: '操作', resource: '内容', fields: '字段', title: '标题', body: '内容', subject: '关于', readAt: '已读时间',
  requestedAt: '申请时间', effectiveOn: '执行日期', cancelledAt: '取消时间', actorRole: '处理人', note: '备注', uploadId: '文件编号',
  payer: '付款方', reason: '原因', flaggedAt: '标记时间',
}

/** Who pays a share, as the member reads it. */
const payerNames: Readonly<Record<string, string>> = { union: '工会', unit: '单位', member: '本人' }

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT/.test(value) ? chinaDateTime(value) : value
  if (typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? '是' : '否'
  return JSON.stringify(value)
}

function addTable(workbook: ExcelJS.Workbook, title: string, rows: readonly Row[], omit: readonly string[] = []): void {
  const sheet = workbook.addWorksheet(title)
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !omit.includes(k))
  if (rows.length === 0 || keys.length === 0) {
    sheet.addRow(['（无）'])
    return
  }
  sheet.columns = keys.map((key) => ({ header: labels[key] ?? key, width: 18, style: { numFmt: '@' } }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const row of rows) sheet.addRow(keys.map((k) => cellOf(row[k])))
}

/** An audit entry as the member reads it: who, what and which fields in words (the JSON export keeps the codes, for programs). */
function auditEntryInWords(entry: DataExport['auditEntries'][number]): Row {
  return {
    at: entry.at,
    by: dataExportActorLabels[entry.by],
    action: auditActionLabels[entry.action],
    resource: auditResourceLabel(entry.resource),
    fields: entry.fields.map(auditFieldLabel).join('、'),
  }
}

/**
 * The export as a workbook a member can open on a phone: a sheet per kind of
 * record, times in China time, money in fen as stored, every cell text (ID
 * numbers keep their digits). Written into memory, never into a file.
 */
export async function dataExportWorkbook(data: DataExport, intro: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date(data.exportedAt)
  const about = workbook.addWorksheet('说明')
  about.columns = [{ width: 90 }]
  about.addRow([intro])
  about.addRow([`导出时间：${chinaDateTime(data.exportedAt)}`])
  addTable(workbook, '账号', [data.account])
  addTable(workbook, '登录记录', data.sessions)
  addTable(workbook, '实名信息', data.profile ? [data.profile] : [])
  addTable(workbook, '参保人', data.persons)
  addTable(workbook, '参保记录', data.enrolments)
  addTable(workbook, '缴费', data.payments)
  addTable(workbook, '保费分担', data.fundingShares.map((s) => ({ ...s, payer: payerNames[s.payer] ?? s.payer })))
  addTable(workbook, '困难职工标记', data.hardshipWorker ? [data.hardshipWorker] : [])
  addTable(workbook, '线上支付', data.paymentOrders)
  addTable(workbook, '理赔', data.claims, ['history', 'documents', 'flags'])
  addTable(workbook, '理赔进度', data.claims.flatMap((c) => c.history.map((h) => ({ claimId: c.id, ...h }))))
  addTable(workbook, '理赔材料', data.claims.flatMap((c) => c.documents.map((d) => ({ claimId: c.id, ...d }))))
  addTable(workbook, '上传文件', data.uploads)
  addTable(workbook, '收款账户', data.payeeAccounts)
  addTable(workbook, '医保结算数据', data.medicalRecords)
  addTable(workbook, '授权记录', data.consents)
  addTable(workbook, '查看和修改记录', data.auditEntries.map(auditEntryInWords))
  addTable(workbook, '消息', data.notifications)
  addTable(workbook, '删除申请', data.deletionRequests)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
