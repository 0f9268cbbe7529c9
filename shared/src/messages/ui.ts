/**
 * The mini-app's own Chinese text: screen titles, buttons, states and hints.
 * One nested object, typed `as const`, so a screen that asks for a string
 * that is not here does not compile. `{name}` placeholders are filled with
 * `fillTemplate`. Engine messages (rule violations, refusals) are in the
 * other sections of this folder; this file holds only what the screens say.
 */
export const ui = {
  app: {
    name: '职工互助保障',
  },
  date: {
    /** `2020-11-14` → `2020年11月14日` */
    full: '{year}年{month}月{day}日',
  },
  state: {
    loading: '正在加载…',
    retry: '重新加载',
  },
  network: {
    offline: '网络连接不上，请检查网络后再试',
    timeout: '网络太慢，请求超时了，请稍后再试',
    badResponse: '服务器返回的内容有误，请稍后再试',
    httpStatus: '服务暂时出了问题（{status}），请稍后再试',
  },
  plans: {
    title: '选择保障',
    intro: '勾选想参加的保障项目，保费马上算出来',
    catalogues: '保障计划',
    illustrative: '示例参数，仅供参考',
    empty: '暂时没有可以参加的保障计划',
    catalogueInvalid: '这个保障计划的数据有误，请联系工会办事处',
    pricePerYear: '{price}/年',
    next: '下一步：确认参保方案',
  },
  quote: {
    title: '保费试算',
    asOf: '按今天（{date}）办理即时参保计算',
    empty: '勾选上面的保障项目，这里马上算出保费',
    fixFirst: '还不能参保，请按上面的提示调整所选项目',
    total: '合计保费',
    shares: '× {shares}份',
    proration: '{date}起保，按{label}收取（全年保费的 {percent}）',
    coverPeriod: '保障期间',
    coverRange: '{start} 至 {end}',
    coverFrom: '各项保障开始日期',
    coverFromAfterWaiting: '{date}起（等待期 {days} 天）',
    coverFromAtStart: '{date}起（无等待期）',
  },
  enrol: {
    confirmTitle: '确认参保方案',
    plan: '参保计划',
    nextStep: '下一步是登录并填写实名信息，即将开放',
    back: '返回修改',
    noSelection: '没有选择保障项目，请返回重新选择',
  },
} as const
