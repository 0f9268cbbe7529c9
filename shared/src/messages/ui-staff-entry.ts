/**
 * The staff side's entry points: the member home screen's link and the staff
 * page titles. A module of its own: the member pages and the H5 app shell
 * (which bundles every page's config) import only this, so the rest of
 * `staffUi` stays in the staff bundles.
 */
export const staffEntryLabel = '工作台（工作人员）'

export const staffPageTitles = {
  home: '工作台',
  check: '查验保障卡',
  events: '宣讲活动',
  event: '活动',
  unit: '单位参保名单',
  units: '参保单位',
  review: '理赔审核',
  claim: '理赔详情',
  payments: '付款登记',
  medical: '医保结算数据',
  identity: '核实会员身份',
  ledger: '收支台账',
  dashboard: '统计看板',
  calendar: '节假日安排',
  catalogues: '保障计划',
  users: '用户与角色',
  audit: '审计日志',
  hardship: '困难职工',
} as const
