/** Errors of the admin's catalogue tools: upload, publish, successor, closing to new enrolments. */
export const catalogueErrorMessages = {
  catalogue_invalid: '保障计划文件有 {count} 处错误，请按提示逐项修改后重新上传',
  catalogue_id_mismatch: '文件中的计划编号是 {id}，与要发布的 {expected} 不一致',
  catalogue_shipped: '{id} 是随系统提供的保障计划，不能在此替换；请用新的计划编号发布',
  catalogue_in_use: '已有参保记录使用保障计划 {id}，不能再修改；可以发布新的计划并设为它的续保计划，或停止它的新参保',
  catalogue_already_closed: '保障计划 {id} 已于 {date} 起停止新参保',
  catalogue_successor_unknown: '没有编号为 {id} 的保障计划',
  catalogue_successor_invalid: '续保计划不能是本计划自己，也不能绕回本计划（{chain}）',
  catalogue_changed: '保障计划 {id} 刚刚发布了新版本，价格和保障可能已变，请重新查看后再参保',
} as const
