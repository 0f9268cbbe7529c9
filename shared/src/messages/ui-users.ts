import type { AuditAction } from '../api/admin'
import { staffUi } from './ui-staff'

/**
 * The admin's pages for accounts and roles (`staff/users`) and the audit log
 * (`staff/audit`): Chinese text, labels of audit actions and resources, and the
 * columns of the audit export.
 */
export const usersUi = {
  entryHint: '按手机号查找账号，授予或撤销角色',
  phone: '登录手机号',
  phonePlaceholder: '11 位手机号',
  find: '查找',
  notFound: '没有用这个手机号登录过的账号',
  account: '账号编号',
  loginPhone: '登录手机号',
  wechatOnly: '仅微信登录',
  created: '注册时间',
  profile: '实名信息',
  profileYes: '已填写',
  profileNo: '未填写',
  disabled: '账号已停用',
  you: '（本人）',
  roles: '角色',
  noRoles: '没有工作人员角色（普通会员）',
  grantedAt: '授予于 {at}',
  unitOf: '单位：{unit}',
  revoke: '撤销',
  revokeTitle: '撤销角色',
  revokeConfirm: '撤销 {phone} 的“{role}”角色？撤销后该账号立即不能再使用这个角色的功能。',
  ownAdmin: '自己的管理员角色不能由自己撤销',
  grant: '授予角色',
  role: '角色',
  chooseRole: '请选择要授予的角色',
  unit: '单位（单位经办人须选择）',
  chooseUnit: '请选择单位经办人所属的单位',
  grantSubmit: '授予',
  granted: '已授予“{role}”角色',
  revoked: '已撤销“{role}”角色',
  auditAsActor: '此账号的操作记录',
  auditAsSubject: '涉及此账号的记录',
} as const

export const auditUi = {
  entryHint: '谁在何时查看或修改了什么，可按条件筛选并导出',
  actor: '操作人',
  subject: '涉及账号',
  userPlaceholder: '手机号或账号编号（usr_…）',
  action: '操作',
  anyAction: '全部',
  from: '开始日期',
  to: '结束日期',
  datePlaceholder: '年-月-日',
  search: '查询',
  clear: '清空条件',
  export: '导出 Excel',
  exportHint: '按当前条件导出，最多 {limit} 条',
  empty: '没有符合条件的记录',
  more: '加载更多',
  userNotFound: '没有用手机号 {phone} 登录过的账号',
  userInvalid: '请填写 11 位手机号或账号编号（usr_ 开头）',
  dateInvalid: '日期应为“年-月-日”格式的真实日期',
  rangeInvalid: '结束日期不能早于开始日期',
  system: '系统',
  nobody: '—',
  fields: '字段：{fields}',
  ip: 'IP {ip}',
  count: '已显示 {count} 条',
} as const

export const auditActionLabels: Readonly<Record<AuditAction, string>> = {
  read: '查看',
  search: '查询',
  create: '新增',
  update: '修改',
  delete: '删除',
  verify: '核实',
  export: '导出',
}

/** What an audit line's resource names (`kind` or `kind:id`), in words. */
export const auditResourceLabels: Readonly<Record<string, string>> = {
  member_profile: '会员实名信息',
  claim: '理赔（医疗信息）',
  claim_document: '理赔材料',
  person_identity: '会员身份核实',
  medical_records_import: '医保结算数据导入',
  roster_import: '参保名单导入',
  unit_roster: '单位参保名单',
  insured_person: '参保人',
  claim_payment_bank_file: '银行批量转账文件',
  claim_payment_results: '银行转账结果',
  bank_statement: '银行流水',
  role_grant: '角色',
  holiday_calendar: '节假日安排',
  catalogue: '保障计划',
  audit_log: '审计日志',
  personal_data_export: '本人数据下载',
  personal_data_deletion: '本人数据删除',
  enrolment: '参保',
  assisted_enrolment: '代办参保',
  unit: '单位',
  unit_admin_invitation: '单位经办人邀请',
  hardship_worker: '困难职工',
  ledger: '收支台账',
  dashboard: '统计指标',
}

/** The part after a kind that is a code of ours too, in words: the role granted, the format a member downloaded. */
const auditResourceDetailLabels: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  role_grant: staffUi.roles,
  personal_data_export: { json: 'JSON 文件', xlsx: 'Excel 表格' },
}

/**
 * `holiday_calendar:2027` → `节假日安排 2027`, `role_grant:reviewer` → `角色 理赔审核员`,
 * `role_grant:unit_admin:unt_…` → `角色 单位经办人 unt_…`, `personal_data_export:xlsx` → `本人数据下载 Excel 表格`;
 * an unknown kind stays as it is.
 */
export function auditResourceLabel(resource: string): string {
  const [kind = '', ...rest] = resource.split(':')
  const label = auditResourceLabels[kind]
  if (!label) return resource
  const details = auditResourceDetailLabels[kind]
  if (details && rest[0] !== undefined && Object.prototype.hasOwnProperty.call(details, rest[0])) rest[0] = details[rest[0]]!
  return [label, ...rest].join(' ')
}

/** The fields an audit line names (what was read or changed), in Chinese; a name not here (e.g. a document's upload id) shows as it is. */
export const auditFieldLabels: Readonly<Record<string, string>> = {
  name: '姓名',
  idNumber: '身份证号码',
  mobile: '手机号',
  occupation: '职业',
  platform: '平台',
  basicMedicalInsurance: '基本医保',
  unionMember: '工会会员',
  medical: '医疗信息',
  diagnosis: '诊断',
  figures: '费用金额',
  documents: '理赔材料',
  medicalRecord: '医保结算记录',
  photos: '照片',
  bankAccount: '银行账户',
  bankAccountNumber: '银行账号',
  amount: '金额',
  payer: '付款方',
  reason: '原因',
  role: '角色',
  successor: '续保计划',
  closedOn: '停止新参保日期',
  data: '本人数据',
  holidays: '节假日',
  workdays: '调休工作日',
  creditCode: '统一社会信用代码',
  regionCode: '行政区划',
  industry: '行业',
  unionMemberHeadcount: '工会会员人数',
  catalogueId: '保障计划',
  products: '保障项目',
  fundingSource: '出资方',
  fundingSplit: '出资分担',
}

/** `idNumber` → `身份证号码`; a name without a label (an upload id) stays as it is. */
export const auditFieldLabel = (field: string): string => auditFieldLabels[field] ?? field

/** The audit export's columns, in order. */
export const auditExportColumns = ['时间（北京时间）', '操作人', '操作人手机号', '操作', '涉及账号', '涉及账号手机号', '内容', '字段', 'IP', '请求编号'] as const
