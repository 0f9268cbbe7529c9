import type { Selectable } from 'kysely'

/**
 * A hardship worker (困难职工), flagged by staff (audited): the union pays their
 * share of any premium. Found by the ID number's keyed hash (as insured
 * persons are), the number itself sealed (`hardship_workers.id_number`, bound to `id`).
 * Erased flags (`erased_at`) hash as `erased:<id>` and match nobody.
 */
export interface HardshipWorkersTable {
  id_number_hash: string
  id: string
  id_number: string
  /** Sealed (`hardship_workers.name`); null for flags made before names were recorded, and once erased. */
  name: string | null
  reason: string
  flagged_by: string
  flagged_at: string
  /** When the person's data was deleted at their request (PIPL): hash and number no longer theirs, the flag kept as the record of why the union paid. */
  erased_at: string | null
}
export type HardshipWorkerRow = Selectable<HardshipWorkersTable>
