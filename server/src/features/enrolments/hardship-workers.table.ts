import type { Selectable } from 'kysely'

/**
 * A hardship worker (困难职工), flagged by staff (audited): the union pays their
 * share of any premium. Found by the ID number's keyed hash (as insured
 * persons are), the number itself sealed (`hardship_workers.id_number`, bound to `id`).
 */
export interface HardshipWorkersTable {
  id_number_hash: string
  id: string
  id_number: string
  reason: string
  flagged_by: string
  flagged_at: string
}
export type HardshipWorkerRow = Selectable<HardshipWorkersTable>
