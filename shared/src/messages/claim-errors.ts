/** Errors of uploads, claims, review and claim payments. */
export const claimErrorMessages = {
  claim_documents_required: '请至少上传一张理赔材料照片',
  upload_empty: '文件是空的，请重新选择',
  upload_not_found: '没有找到这份材料，请重新上传',
  upload_in_use: '这份材料已用于另一笔理赔，请重新上传',
  idempotency_key_required: '请求缺少请求编号（Idempotency-Key），请重试',
  enrolment_not_claimable: '这份保障不能用于理赔（不是本人的有效保障）',
  event_date_in_future: '事故或入院日期不能晚于今天',
  claim_status_changed: '理赔状态已经变化（当前：{status}），请刷新后重试',
  claim_material_not_requested: '审核人员没有要求补充材料，不能补交',
  claim_not_approved: '只有审核通过的理赔才能登记付款',
  claim_nothing_to_pay: '给付金额为 0，不能核准，请改为拒付并说明理由',
  payment_reference_repeated: '同一批付款中流水号不能重复',
  claim_amount_over_limit: '核定金额超过本保障年度剩余的给付限额，最多可核定 {max} 元',
  claim_estimate_changed: '同一保障年度已有其他理赔核准，这笔理赔的测算金额已更新为 {amount} 元，请重新查看后再决定',
  claim_own_not_reviewable: '不能审核本人的理赔申请，请由其他审核人员处理',
  cursor_invalid: '分页参数无效，请从第一页重新查看',
} as const
