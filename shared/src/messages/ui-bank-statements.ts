/**
 * What the screens say about paying by bank transfer with a payment code
 * (缴费识别码): the office's bank-statement import on the payments page, and
 * the codes a unit admin sees beside what the unit owes.
 */
export const bankStatementUi = {
  /** Who a pending payment is for, in lists of candidates and of a unit's codes. */
  target: {
    roster: '{unit} 参保名单（{date} 导入，{count} 人）',
    enrolment: '{name}',
    unitEnrolment: '{unit} · {name}',
  },
  import: {
    title: '导入银行流水对账',
    intro: '从网银导出收款账户的流水（.xlsx），上传后按附言中的缴费识别码和金额自动对账：对上的参保随即生效，对不上的逐行列出原因，不会入账。同一份流水重复导入不会重复入账。',
    columns: '需要的列：交易日期、付款人（或对方户名）、金额（或收入金额）、附言（或摘要、用途）',
    upload: '上传银行流水',
    reupload: '上传另一份流水',
    weappChoose: '从聊天中选择流水文件',
    uploading: '正在对账…',
    summary: '共 {lines} 行：已入账 {matched} 行（{amount}），{activated} 人的参保已生效；未入账 {unmatched} 行',
    paidOn: '保障按对账日 {date} 起算',
    matchedTitle: '已入账',
    unmatchedTitle: '未入账的行',
    noneUnmatched: '每一行都已入账',
    row: '行',
    rowLabel: '第 {row} 行',
    date: '交易日期',
    payer: '付款人',
    amount: '金额',
    reference: '附言',
    reason: '结果',
    candidates: '相符的待缴费记录：',
    candidate: '{code} · {label} · {amount}',
  },
  result: {
    matched: '已入账',
    amount_differs: '金额不符',
    unknown_reference: '识别码不明',
    already_paid: '已入账过',
    not_payable: '参保已失效',
    two_candidates: '多笔相符',
    several_plans: '计划不同',
    not_credit: '非转入',
    line_invalid: '无法识别',
  },
  unit: {
    title: '转账缴费识别码',
    intro: '单位转账缴费时，请在附言中写上对应的缴费识别码，金额与应缴一致；工会办事处导入银行流水后自动确认，参保随即生效。',
    amount: '应缴 {amount}（{count} 人）',
  },
} as const
