/** Errors of staff-assisted enrolment (代办) at an outreach event. */
export const assistedEnrolmentErrorMessages = {
  assisted_enrolment_not_found: '没有找到待您确认的代办参保，请核对登录的手机号码是否为工作人员登记的号码',
  assisted_enrolment_expired: '这条代办参保已过期，未生效。请联系工作人员重新登记',
  assisted_enrolment_already_confirmed: '这条代办参保已经确认过了',
  assisted_enrolment_consent_outdated: '授权说明已更新，请刷新页面阅读最新内容后再确认',
  assisted_enrolment_own: '工作人员不能为自己代办参保，请用本人手机自助参保',
} as const
