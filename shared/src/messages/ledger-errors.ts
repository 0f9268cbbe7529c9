/** Refusals of the premium and payout ledger's date range (收支台账). */
export const ledgerErrorMessages = {
  ledger_range_reversed: '开始日期不能晚于结束日期',
  ledger_range_too_long: '一次最多查询 {days} 天，请缩短日期范围',
} as const
