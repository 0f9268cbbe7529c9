/** Errors of enrolments, payments, certificates, units, rosters and outreach events. */
export const enrolmentErrorMessages = {
  quote_changed: '保费已变化，请重新确认后再参保',
  payment_target_required: '请选择要确认缴费的参保记录或单位',
} as const
