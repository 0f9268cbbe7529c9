/**
 * Importing the office's bank statement (银行流水对账): refusals of the file,
 * and what became of each line that was not matched (`bank_line_*`, shown in
 * the line's `message`).
 */
export const bankStatementErrorMessages = {
  bank_statement_invalid_file: '无法读取这个表格文件，请上传从网银导出的 .xlsx 格式银行流水',
  bank_statement_content_type: '请以 .xlsx 文件内容上传银行流水',
  bank_statement_file_too_large: '银行流水文件太大，不能超过 {limit}',
  bank_statement_columns_missing: '银行流水中没有找到这些列：{columns}。表头须有交易日期、付款人（或对方户名）、金额（或收入金额）和附言（或摘要、用途）',
  bank_statement_empty: '银行流水中没有可以对账的行',
  bank_statement_too_many_lines: '银行流水一次最多导入 {limit} 行，请按日期分段导出后分别导入',
  bank_line_matched: '已入账：{count} 人的参保已生效',
  bank_line_matched_by_payer: '附言中没有缴费识别码，按付款人和金额对上“{label}”：{count} 人的参保已生效',
  bank_line_amount_differs: '金额不符：缴费识别码 {codes} 应缴 {expected} 元，到账 {received} 元，没有入账',
  bank_line_unknown_code: '附言中的缴费识别码 {codes} 不存在，请核对',
  bank_line_no_code: '附言中没有缴费识别码，也没有付款人和金额都相符的待缴费记录',
  bank_line_already_paid: '已经入账过（{reference}），这次没有重复入账；如确是重复付款，请办理退款',
  bank_line_not_payable: '缴费识别码 {codes} 对应的参保已取消或因逾期未缴费失效，没有入账；请与付款人联系退款或重新参保',
  bank_line_plan_closed: '缴费识别码 {codes} 对应的保障计划在对账日已不接受参保，没有入账；请与付款人联系退款',
  bank_line_two_candidates: '附言中没有缴费识别码，付款人和金额与 {count} 笔待缴费记录都相符，没有入账；请与付款人核实是哪一笔',
  bank_line_several_plans: '附言中的缴费识别码属于不同的保障计划，没有入账；请按计划分开核对',
  bank_line_not_credit: '不是转入的款项，不参与对账',
  bank_line_date_invalid: '交易日期无法识别',
  bank_line_amount_invalid: '金额无法识别：应为数字，最多两位小数',
} as const
