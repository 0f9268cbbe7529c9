import type { NotificationKind } from '@huzhu/shared'

/**
 * Title and body of each in-app message, in Chinese. `{name}` placeholders are
 * filled from the params `notify` is given (a missing one stays visible).
 */
export const notificationTexts: Readonly<Record<NotificationKind, { title: string; body: string }>> = {
  enrolment_created: { title: '参保申请已受理', body: '您的参保申请已受理，缴费确认后保障生效。' },
  enrolment_active: { title: '保障已生效', body: '缴费已确认，您的互助保障已生效，可在“我的保障”查看保障卡。' },
  enrolment_cancelled: { title: '参保已取消', body: '您的参保记录已取消，如有疑问请联系工会办事处。' },
  claim_submitted: { title: '理赔申请已提交', body: '材料已收到，我们将在 {dueOn} 前处理完毕。' },
  claim_in_review: { title: '理赔审核中', body: '审核人员正在审核您的理赔申请。' },
  claim_needs_material: { title: '请补充理赔材料', body: '审核人员请您补充：{missing}。{note}' },
  claim_approved: { title: '理赔审核通过', body: '核定给付 {amount} 元，将尽快支付到您的账户。' },
  claim_rejected: { title: '理赔未获通过', body: '{reason}' },
  claim_paid: { title: '理赔款已支付', body: '{amount} 元已支付，付款流水号 {reference}。' },
  claim_payment_failed: { title: '理赔款未能到账，请更正收款账户', body: '{amount} 元打款到 {account} 未成功：{reason}。请在理赔详情中更正或更换收款账户。' },
  claim_withdrawn: { title: '理赔申请已撤回', body: '您已撤回这笔理赔申请。' },
  cover_ending: { title: '保障即将到期', body: '您的保障将于 {end} 到期，点开即可一键续保，新保障从到期次日起接续。' },
  unit_cover_ending: { title: '本单位保障即将到期', body: '{unit}有 {count} 人的保障将在 {end} 前到期。请在单位页下载续保名单，删除离职人员、添加新入职人员后上传。' },
}
