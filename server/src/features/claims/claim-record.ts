import { toSelection } from '@huzhu/shared'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import type { ClaimPaymentLineRow } from '../claim-payments/claim-payment-lines.table'
import { findLastLineOfClaim } from '../claim-payments/claim-payments.repository'
import { maskedNumberOf } from '../payee-accounts/payee-accounts.presenter'
import { findAccountRows } from '../payee-accounts/payee-accounts.repository'
import type { PayeeAccountRow } from '../payee-accounts/payee-accounts.table'
import type { ClaimHistoryRow } from './claim-history.table'
import type { ClaimRow } from './claims.table'
import { findEnrolmentWithPerson, listDocumentRows, listHistoryRows } from './claims.repository'

/**
 * A claim with what its page shows: material, history, the person's name and
 * the products held, the account it is paid to (number masked) and its latest
 * line in a payment batch.
 */
export interface ClaimRecord {
  row: ClaimRow
  documents: { upload_id: string; kind: string; media_type: string; size: number; sha256: string }[]
  history: ClaimHistoryRow[]
  personName: string
  products: { code: string; name: string; shares: number }[]
  payee: { row: PayeeAccountRow; numberMasked: string } | null
  lastPaymentLine: ClaimPaymentLineRow | null
}

type RecordDeps = { catalogues: CatalogueStore; protector: DataProtector }

/** The record's parts that are not rows of the claim's own tables: the enrolment's person and products (its `products` JSON), the account. */
export interface ClaimRecordParts {
  row: ClaimRow
  documents: ClaimRecord['documents']
  history: ClaimHistoryRow[]
  enrolment: { person_name: string; products: string } | undefined
  payee: PayeeAccountRow | undefined
  lastPaymentLine: ClaimPaymentLineRow | null
}

/** The record from its parts, read or just written. */
export function claimRecordOf(deps: RecordDeps, parts: ClaimRecordParts): ClaimRecord {
  const { row, enrolment, payee } = parts
  const catalogue = deps.catalogues.get(row.catalogue_id)
  const selection = enrolment ? toSelection(JSON.parse(enrolment.products) as string[]) : []
  return {
    row,
    documents: parts.documents,
    history: parts.history,
    personName: enrolment?.person_name ?? '',
    products: selection.map((s) => ({ code: s.code, name: catalogue?.products.get(s.code)?.name ?? s.code, shares: s.shares })),
    payee: payee ? { row: payee, numberMasked: maskedNumberOf(deps.protector, payee) } : null,
    lastPaymentLine: parts.lastPaymentLine,
  }
}

export async function loadClaimRecord(db: Db, deps: RecordDeps, row: ClaimRow): Promise<ClaimRecord> {
  const enrolment = await findEnrolmentWithPerson(db, row.enrolment_id)
  const [payee] = row.payee_account_id === null ? [] : await findAccountRows(db, [row.payee_account_id])
  return claimRecordOf(deps, {
    row,
    documents: await listDocumentRows(db, row.id),
    history: await listHistoryRows(db, row.id),
    enrolment,
    payee,
    lastPaymentLine: (await findLastLineOfClaim(db, row.id)) ?? null,
  })
}
