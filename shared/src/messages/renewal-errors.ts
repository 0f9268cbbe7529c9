/** Errors of renewal (续保): a member renewing their cover, a unit's renewal roster. */
export const renewalErrorMessages = {
  renewal_not_active: '只有已生效的保障可以续保',
  renewal_too_early: '续保从 {date} 起办理（保障到期前 {days} 天起）',
  renewal_window_closed: '这份保障已于 {end} 到期，不能再续保，请重新参保',
  renewal_unavailable: '暂不能续保：{reason}',
} as const
