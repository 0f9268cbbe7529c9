import type { CivilDate, CoverState } from '@huzhu/shared'

export interface CoverStateInput {
  status: string
  start: CivilDate
  end: CivilDate
  coverFrom: Readonly<Record<string, CivilDate>>
}

/**
 * What the member sees today: 待缴费 / 已取消 from the status; for an active
 * enrolment 未开始 before the start, 已到期 after the end, 等待期 while every
 * category is still in its waiting period, else 保障中.
 */
export function coverStateOf(e: CoverStateInput, today: CivilDate): CoverState {
  if (e.status === 'cancelled') return 'cancelled'
  if (e.status !== 'active') return 'pending_payment'
  if (today < e.start) return 'not_started'
  if (today > e.end) return 'ended'
  const firsts = Object.values(e.coverFrom)
  if (firsts.length > 0 && firsts.every((d) => today < d)) return 'waiting'
  return 'covered'
}
