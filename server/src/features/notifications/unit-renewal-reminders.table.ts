import type { Selectable } from 'kysely'

/**
 * A unit admin was reminded that covers of their unit end soon, counting those
 * whose last day is at most `through_on`; a later reminder counts only covers
 * ending after it. One row per unit, admin and `through_on` (primary key).
 */
export interface UnitRenewalRemindersTable {
  unit_id: string
  user_id: string
  through_on: string
  created_at: string
}
export type UnitRenewalReminderRow = Selectable<UnitRenewalRemindersTable>
