import { chinaDateOf, fillTemplate, formatYuan, ui, type CivilDate } from '@huzhu/shared'

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

/** An instant (ISO-8601 UTC) as its China date: `2026-11-24T17:30:00Z` → `2026年11月25日`. */
export function formatInstantDate(iso: string): string {
  return formatDate(chinaDateOf(new Date(iso)))
}
