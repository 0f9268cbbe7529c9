import { chinaDateOf, type CivilDate } from '@huzhu/shared'

/** Time, injected so tests can set it. Instants are ISO-8601 UTC strings in the database. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export function nowIso(clock: Clock): string {
  return clock.now().toISOString()
}

/** Today's date in China (Asia/Shanghai). */
export function todayInChina(clock: Clock): CivilDate {
  return chinaDateOf(clock.now())
}

export function isoPlusSeconds(clock: Clock, seconds: number): string {
  return new Date(clock.now().getTime() + seconds * 1000).toISOString()
}
