/**
 * Text of the members' public figures (公开透明, `enrol/transparency`): what a
 * plan collected and paid in a plan year, and its paid cases anonymised. No
 * login; linked from the plans screen.
 */
export const transparencyUi = {
  title: '公开透明',
  link: '查看各计划的收支与赔付案例',
  intro: '互助保障的钱从会员中来、到会员中去。这里公开每个保障计划每个年度收了多少、赔了多少，以及匿名的赔付案例。',
  plan: '保障计划与年度',
  planOption: '{catalogue} · {year} 年度',
  period: '保障年度：{start} 至 {end}',
  noPlans: '暂时还没有可公开的数据',
  figures: {
    members: '参保人数',
    membersValue: '{count} 人',
    premiums: '收取保费',
    claimsPaid: '已赔付',
    claimsPaidValue: '{count} 件 · {amount}',
    lossRatio: '赔付率',
    lossRatioHint: '赔款 ÷ 保费',
    medianDays: '打款用时中位数',
    medianDaysValue: '{days} 个工作日',
    none: '—',
  },
  cases: {
    title: '赔付案例（匿名）',
    intro: '相同类型、金额、年龄段、地区和打款用时的案例合在一起展示；少于 {min} 人的组合不单独展示，以免认出个人。',
    amount: '赔付金额',
    age: '年龄',
    place: '地区',
    days: '打款用时',
    casesCount: '{cases} 件（{people} 人），合计 {amount}',
    suppressed: '另有 {count} 件因同类人数过少未单独展示，已计入上面的合计。',
    empty: '本年度还没有可以展示的案例',
    unknownPlace: '未登记地区',
    yuanRange: '{min}–{max} 元',
    yuanFrom: '{min} 元以上',
    ageRange: '{min}–{max} 岁',
    ageFrom: '{min} 岁以上',
    daysRange: '{min}–{max} 个工作日',
    daysFrom: '{min} 个工作日以上',
  },
  generatedAt: '数据更新于 {at}',
} as const
