/** Errors of paying premiums online (WeChat Pay) and of refunds. */
export const paymentErrorMessages = {
  wechatpay_not_configured: '暂未开通微信支付，请按工会办事处的说明转账缴费',
  wechatpay_unavailable: '微信支付暂时无法连接，请稍后再试',
  wechatpay_order_not_found: '没有找到这笔支付订单',
  wechatpay_notice_unverified: '支付通知的签名不对，已拒收',
  wechatpay_notice_invalid: '支付通知的内容无法读取',
  wechatpay_openid_required: '请在微信小程序里用微信登录后再支付',
  payment_order_not_payable: '这份参保已不是待缴费状态，无需支付',
  payment_order_not_found: '没有找到这笔支付订单',
  payment_order_expired: '这笔支付已过期，请重新发起支付',
  enrolment_expired: '这份参保超过 {days} 天未缴费，已失效，请重新参保',
} as const
