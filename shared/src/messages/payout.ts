/** How each payout line was computed, in words a member understands. */
export const payoutMessages = {
  payout_percent: '{segment}自付 {base} 元 × {rate} = {amount} 元',
  payout_percent_capped: '{segment}自付 {base} 元 × {rate} = {computed} 元，年度限额剩余 {left} 元，给付 {amount} 元',
  payout_daily: '住院 {days} 天 × {perDay} 元/天 = {amount} 元',
  payout_daily_capped: '住院 {days} 天 × {perDay} 元/天 = {computed} 元，年度限额剩余 {left} 元，给付 {amount} 元',
  payout_deductible: '已付起付线 {base} 元，年度限额剩余 {left} 元，给付 {amount} 元',
  payout_fixed: '{illness}给付 {amount} 元',
  payout_female_extra: '女性{illness}额外给付 {amount} 元',
  payout_disability: '伤残 {grade} 级，{max} 元 × {rate} = {computed} 元',
  payout_disability_capped: '伤残 {grade} 级，{max} 元 × {rate} = {computed} 元，年度限额剩余 {left} 元，给付 {amount} 元',
  payout_death: '身故给付 {amount} 元',
  payout_figure_missing: '缺少“{figure}”，按 0 计算',
} as const
