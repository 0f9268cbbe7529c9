/**
 * What the member's screens say about payee accounts (收款账户): the accounts
 * page, the account chooser on the claim form, and where a claim is paid on its
 * page (with "please correct your account" after the bank could not pay).
 */
export const payeeUi = {
  title: '收款账户',
  intro: '理赔款打到您本人名下的银行账户。卡号加密保存，只显示前后四位。',
  empty: '还没有收款账户',
  add: '添加银行卡',
  addTitle: '添加收款账户',
  holder: '户名',
  holderHint: '只能添加本人名下的账户，户名为实名信息中的姓名',
  needProfile: '添加收款账户前，请先完成实名信息',
  fillProfile: '去填写实名信息',
  bankName: '开户银行',
  bankNamePlaceholder: '如：中国工商银行西安雁塔支行',
  number: '银行卡号或账号',
  numberPlaceholder: '请对照银行卡填写',
  numberHint: '12至30位数字；银联卡（62开头）会校验最后一位',
  makeDefault: '设为默认收款账户',
  save: '保存',
  saving: '正在保存…',
  cancel: '取消',
  saved: '收款账户已添加',
  default: '默认',
  setDefault: '设为默认',
  remove: '删除',
  removeConfirm: '删除后不能再用这个账户收款，确定删除吗？',
  removed: '已删除',
  manage: '管理收款账户',
  /** On the claim form. */
  chooseTitle: '理赔款打到',
  chooseRequired: '请选择收款账户',
  /** On a claim's page. */
  paidTo: '理赔款打到',
  notChosen: '还没有选择收款账户，审核通过后无法打款，请选择',
  inProgress: '已提交银行打款，请留意到账',
  paidOn: '已于{date}打款到这个账户',
  failedTitle: '打款未成功，请更正收款账户',
  failedReason: '银行退回原因：{reason}（{date}）',
  failedChanged: '已更换收款账户，工作人员会重新打款',
  change: '更换收款账户',
  changeTo: '改为这个账户',
  changed: '收款账户已更换',
  /** The claim's history note when the member chose another account. */
  historyChanged: '收款账户改为：{bank} {number}',
  /** The history notes of a payment batch and of the bank's result. */
  historyBatch: '已提交银行打款（付款批次 {batch}）',
  historyFailed: '打款未成功：{reason}。请更正收款账户',
} as const
