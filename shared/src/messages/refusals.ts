/**
 * Numbered refusal reasons for claims and for zero payout lines (as openIMIS
 * numbers its rejection reasons). The number is what a letter or a phone call
 * quotes; the code is what programs use. Never renumber: add at the end.
 */
export const refusalReasons = {
  no_cover: { number: 1, text: '事故日期 {date} 不在保障期（{start} 至 {end}）内' },
  waiting_period: { number: 2, text: '事故日期 {date} 在等待期内：{category}保障从 {from} 起生效' },
  kind_not_covered: { number: 3, text: '{product} {name} 不保障“{kind}”' },
  annual_limit_reached: { number: 4, text: '{benefit}本保障年度的给付限额 {cap} 元已经用完' },
  already_paid_this_year: { number: 5, text: '{benefit}在本保障年度已经给付过，每年给付一次' },
  duplicate_invoice: { number: 6, text: '同一张发票已在另一笔理赔中使用' },
  material_missing: { number: 7, text: '理赔材料不全，补齐后可重新提交' },
  figures_mismatch: { number: 8, text: '填写的金额与医保结算数据不符' },
  overlap_one_share: { number: 9, text: '同一人通过两个单位参保，{product} {name} 只给付一份' },
  overlap_highest_pays: { number: 10, text: '同一类加强保障只给付一项，按较高的 {chosen} 给付（就高不就低）' },
  not_eligible: { number: 11, text: '不符合参保条件（{detail}）' },
  event_not_accident: { number: 12, text: '材料显示不属于意外伤害' },
  false_information: { number: 13, text: '理赔材料与事实不符' },
  other: { number: 99, text: '{detail}' },
} as const satisfies Record<string, { number: number; text: string }>

export type RefusalCode = keyof typeof refusalReasons
export const refusalCodes = Object.keys(refusalReasons) as RefusalCode[]
