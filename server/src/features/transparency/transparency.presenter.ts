import { transparencyAgeBands, transparencyAmountBandsFen, transparencyDaysBands, type EventKind, type TransparencyCaseGroup } from '@huzhu/shared'
import type { CaseGroupRow } from './transparency.repository'

export interface ShownGroup {
  row: CaseGroupRow
  level: 'city' | 'province' | 'unknown'
  /** People in the group (at least). */
  people: number
}

/** The band a lower bound starts: up to one less than the next bound (inclusive), or open. */
function band(bounds: readonly number[], lower: number): { min: number; max: number | null } {
  const next = bounds[bounds.indexOf(lower) + 1]
  return { min: lower, max: next === undefined ? null : next - 1 }
}

/** A shown group as members see it: bands, and a place named at its level (never finer). */
export function presentCaseGroup(group: ShownGroup, labelOf: (code: string) => string): TransparencyCaseGroup {
  const { row } = group
  const place = row.place === null ? null : labelOf(row.place.padEnd(6, '0'))
  return {
    kind: row.kind as EventKind,
    amountFen: band(transparencyAmountBandsFen, row.amountBand),
    ageYears: band(transparencyAgeBands, row.ageBand),
    place,
    placeLevel: group.level,
    workingDaysToPay: band(transparencyDaysBands, row.daysBand),
    cases: row.cases,
    people: group.people,
    paidFen: row.fen,
  }
}
