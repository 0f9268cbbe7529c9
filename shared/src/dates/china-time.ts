/** China's offset from UTC: UTC+8 all year (Asia/Shanghai keeps no daylight saving). */
export const CHINA_OFFSET_MS = 8 * 3_600_000

/**
 * An instant (ISO 8601, e.g. `2026-11-25T07:17:00.000Z`) as China's clocks show it:
 * `minute` → `2026-11-25 15:17`, for people (screens, notices, spreadsheets);
 * `rfc3339` → `2026-11-25T15:17:00+08:00`, as WeChat Pay writes times.
 * Text that is not an instant is given back as it is.
 */
export function chinaTime(iso: string, style: 'minute' | 'rfc3339' = 'minute'): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const shifted = new Date(ms + CHINA_OFFSET_MS).toISOString()
  return style === 'minute' ? shifted.slice(0, 16).replace('T', ' ') : `${shifted.slice(0, 19)}+08:00`
}
