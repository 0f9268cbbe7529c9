import { adminErrorMessages } from './admin-errors'
import { assistedEnrolmentErrorMessages } from './assisted-enrolment-errors'
import { bankStatementErrorMessages } from './bank-statement-errors'
import { catalogueErrorMessages } from './catalogue-errors'
import { claimErrorMessages } from './claim-errors'
import { dataRequestErrorMessages } from './data-request-errors'
import { dashboardErrorMessages } from './dashboard-errors'
import { enrolmentErrorMessages } from './enrolment-errors'
import { fundingErrorMessages } from './funding-errors'
import { identityErrorMessages } from './identity-errors'
import { ledgerErrorMessages } from './ledger-errors'
import { payeeErrorMessages } from './payee-errors'
import { paymentErrorMessages } from './payment-errors'
import { renewalErrorMessages } from './renewal-errors'
import { spreadsheetErrorMessages } from './spreadsheet-errors'
import { unitErrorMessages } from './unit-errors'

/** Errors the API returns: `{error: {code, message}}`; `message` is this text. */
export const errorMessages = {
  ...enrolmentErrorMessages,
  ...claimErrorMessages,
  ...dataRequestErrorMessages,
  ...identityErrorMessages,
  ...payeeErrorMessages,
  ...paymentErrorMessages,
  ...spreadsheetErrorMessages,
  ...bankStatementErrorMessages,
  ...ledgerErrorMessages,
  ...dashboardErrorMessages,
  ...renewalErrorMessages,
  ...adminErrorMessages,
  ...catalogueErrorMessages,
  ...unitErrorMessages,
  ...fundingErrorMessages,
  ...assistedEnrolmentErrorMessages,
  validation_failed: '填写的内容有误，请按提示修改',
  field_required: '此项必填',
  field_invalid: '此项格式不对',
  date_invalid: '日期应为“年-月-日”格式的真实日期',
  money_not_integer_fen: '金额最多精确到分',
  money_negative: '金额不能是负数',
  money_too_large: '金额过大，请核对',
  body_invalid_json: '请求内容不是有效的 JSON',
  unknown_catalogue: '没有这个保障计划',
  selection_invalid: '所选保障项目不符合参保规则',
  unauthenticated: '请先登录',
  session_expired: '登录已过期，请重新登录',
  forbidden: '没有权限进行此操作',
  not_found: '没有找到要查看的内容',
  conflict: '状态已经变化，请刷新后重试',
  rate_limited: '操作太频繁，请稍后再试',
  sms_code_invalid: '验证码不对，请重新输入',
  sms_code_expired: '验证码已过期，请重新获取',
  sms_code_too_many_attempts: '验证码输错次数太多，请重新获取',
  wechat_login_failed: '微信登录失败，请重试',
  consent_required: '请先阅读并同意相关授权',
  profile_required: '请先完成实名信息',
  payload_too_large: '文件太大，每个文件不能超过 {limit}',
  unsupported_media_type: '不支持的文件类型，请上传照片（JPG、PNG、WebP、HEIC）或 PDF',
  image_too_large: '图片尺寸过大，请压缩后再上传',
  roster_invalid_file: '无法读取这个表格文件，请上传 .xlsx 格式的参保名单',
  roster_has_errors: '参保名单中有 {count} 行有误，请修改后重新上传，或选择只导入无误的行',
  idempotency_key_reused: '这个请求编号已用于另一项不同的操作',
  payment_reference_taken: '这个付款流水号已经登记过',
  claim_not_editable: '理赔已提交，不能再修改',
  claim_not_withdrawable: '理赔已有结论，不能撤回',
  amount_change_needs_reason: '修改给付金额时请填写理由',
  certificate_invalid: '保障卡二维码无效或已被篡改',
  internal_error: '服务暂时出了问题，请稍后再试',
  method_not_allowed: '不支持这种请求方式',
  body_too_large: '提交的内容太大，不能超过 {limit}',
  content_type_unsupported: '提交的内容须为 JSON 格式',
  sms_send_failed: '短信发送失败，请稍后再试',
  wechat_not_configured: '暂不支持微信登录，请使用手机号登录',
  wechat_unavailable: '暂时无法连接微信，请稍后再试',
  account_disabled: '账号已停用，如有疑问请联系工会办事处',
  unit_not_found: '没有这个参保单位',
  role_already_granted: '该用户已有这个角色',
} as const
