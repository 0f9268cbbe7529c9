/** Errors of the admin's tools: the holiday calendar, roles, the audit log. */
export const adminErrorMessages = {
  calendar_year_invalid: '节假日安排有误，请按提示修改',
  calendar_date_outside_year: '{date} 不在 {year} 年内',
  calendar_date_both_kinds: '{date} 不能既是节假日又是调休上班日',
  calendar_workday_not_weekend: '{date} 是工作日（周一至周五），本来就上班，不必列为调休上班日',
  calendar_no_holidays: '{year} 年至少应有一天节假日（如元旦）',
  role_own_admin_not_revocable: '不能撤销自己的管理员角色，请由另一位管理员操作',
  audit_range_invalid: '结束日期不能早于开始日期',
  audit_export_too_large: '符合条件的记录超过 {limit} 条，请缩小日期范围或增加筛选条件后再导出',
} as const
