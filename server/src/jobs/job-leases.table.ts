import type { Selectable } from 'kysely'

/**
 * One row per scheduled job (`name`): the node holding it (`holder`) until
 * `lease_until` (ISO instant). A free or expired lease is taken by an atomic
 * conditional update, so of several nodes exactly one runs each period.
 */
export interface JobLeasesTable {
  name: string
  holder: string | null
  lease_until: string | null
}
export type JobLeaseRow = Selectable<JobLeasesTable>
