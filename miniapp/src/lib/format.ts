import { fillTemplate, formatYuan, ui, type CivilDate } from '@huzhu/shared'

/** `2020-11-14` → `2020年11月14日`. */
export function formatDate(date: CivilDate): string {
  return fillTemplate(ui.date.full, { year: date.slice(0, 4), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) })
}

/** `-1000` → `-¥10.00`, `18000` → `¥180.00`. */
export function formatSignedYuan(fen: number): string {
  return fen < 0 ? `-${formatYuan(-fen)}` : formatYuan(fen)
}

/** Basis points as a percentage: `5000` → `50%`, `7050` → `70.5%`. */
export function formatBasisPoints(bp: number): string {
  return `${bp / 100}%`
}
