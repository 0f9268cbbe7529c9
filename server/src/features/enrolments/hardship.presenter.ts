import { maskIdNumber, maskName, type HardshipWorker } from '@huzhu/shared'
import { unseal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { HardshipWorkerRow } from './hardship-workers.table'

/** A flag as staff see it: name and ID number masked. */
export function presentHardshipWorker(protector: DataProtector, row: HardshipWorkerRow): HardshipWorker {
  const idNumber = unseal(protector, 'hardship_workers.id_number', row.id, row.id_number)
  const name = row.name === null ? null : unseal(protector, 'hardship_workers.name', row.id, row.name)
  return { id: row.id, nameMasked: name === null ? null : maskName(name), idNumberMasked: maskIdNumber(idNumber), reason: row.reason, flaggedAt: row.flagged_at, flaggedBy: row.flagged_by }
}
