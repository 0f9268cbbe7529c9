/** Refusals of the office's indicators (统计看板) and the public figures. */
export const dashboardErrorMessages = {
  dashboard_range_reversed: '开始日期不能晚于结束日期',
  dashboard_range_too_long: '一次最多查询 {days} 天，请缩短日期范围',
  dashboard_unit_not_yours: '只能查看本单位的统计',
  dashboard_no_unit: '您还没有可查看统计的单位',
  transparency_plan_unknown: '没有这个保障计划或保障年度',
} as const
