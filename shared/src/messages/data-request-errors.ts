/** Errors of a member's personal-data requests (PIPL art. 45, 47): the export of what is held about them, and deletion. */
export const dataRequestErrorMessages = {
  data_deletion_claim_open:
    '你还有 {count} 笔理赔正在办理。审核和打款都需要你的身份、理赔材料和收款账户，现在删除就无法赔付。请等理赔办结（已赔付或不予赔付）后再申请删除，或先撤回理赔',
  data_deletion_payment_pending:
    '你有 {count} 笔参保正在等待缴费。缴费一旦到账，保障就会生效。请等缴费完成或逾期作废后再申请删除',
  data_deletion_staff_role: '这个账号有工作人员角色（{roles}），请先请管理员撤销角色，再申请删除个人信息',
  data_deletion_not_scheduled: '没有待执行的删除申请',
} as const
