/** Errors of funding: gifts' budgets, hardship workers, shares of a split. */
export const fundingErrorMessages = {
  event_gift_budget_required: '工会赠送的活动须设置赠送名额、赠送项目和赠送日期',
  event_gift_budget_invalid: '赠送预算有误：{reason}',
  event_gift_budget_exhausted: '本活动的赠送名额（{limit} 人）已经用完，不能再以赠送方式参保',
  event_gift_products: '本活动只赠送“{products}”，所选项目不在赠送范围内',
  event_gift_closed: '本活动的赠送参保时间为 {from} 至 {to}，今天不在赠送时间内',
  hardship_not_found: '这个身份证号码没有困难职工标记',
  payment_nothing_owed: '所选参保记录没有由这一方待缴的保费',
} as const
