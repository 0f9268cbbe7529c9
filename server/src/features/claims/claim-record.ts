import { toSelection } from '@huzhu/shared'
import type { Db } from '../../db/open'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import type { ClaimHistoryRow } from './claim-history.table'
import type { ClaimRow } from './claims.table'
import { findEnrolmentWithPerson, listDocumentRows, listHistoryRows } from './claims.repository'

/** A claim with what its page shows: material, history, the person's name and the products held. */
export interface ClaimRecord {
  row: ClaimRow
  documents: { upload_id: string; kind: string; media_type: string; size: number; sha256: string }[]
  history: ClaimHistoryRow[]
  personName: string
  products: { code: string; name: string; shares: number }[]
}

export async function loadClaimRecord(db: Db, catalogues: CatalogueStore, row: ClaimRow): Promise<ClaimRecord> {
  const enrolment = await findEnrolmentWithPerson(db, row.enrolment_id)
  const catalogue = catalogues.get(row.catalogue_id)
  const selection = enrolment ? toSelection(JSON.parse(enrolment.products) as string[]) : []
  return {
    row,
    documents: await listDocumentRows(db, row.id),
    history: await listHistoryRows(db, row.id),
    personName: enrolment?.person_name ?? '',
    products: selection.map((s) => ({ code: s.code, name: catalogue?.products.get(s.code)?.name ?? s.code, shares: s.shares })),
  }
}
