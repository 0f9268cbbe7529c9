/** Roster (参保名单) checks: each reason names what is wrong in the cell and how to fix it. */
export const rosterMessages = {
  roster_header_mismatch: '表头应为：{expected}。请使用参保名单模板，不要增删或调换列',
  roster_empty: '参保名单中没有数据行',
  roster_too_many_rows: '一次最多导入 {max} 行，请拆分后分批上传',
  roster_sex_invalid: '性别应填“男”或“女”',
  roster_sex_mismatch: '性别与身份证号码不符（身份证显示为{expected}）',
  roster_occupation_invalid: '职业类别应为：{allowed}',
  roster_platform_required: '请填写所在平台或单位',
  roster_insurance_invalid: '是否参加基本医保应填“是”或“否”',
  roster_products_required: '请填写参保项目，例如 {example}',
  roster_product_unknown: '没有“{value}”这个参保项目，可填：{allowed}',
  roster_shares_invalid: '份数应为 1 至 {max} 的整数',
  roster_duplicate_id: '身份证号码与第 {row} 行重复',
} as const
