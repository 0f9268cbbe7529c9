import { endpoints, type Ledger, type LedgerQuery } from '@huzhu/shared'
import { call } from '../../api/call'
import { downloadFile } from '../lib/files'
import { staffPaths } from '../lib/paths'

const queryOf = (q: LedgerQuery) => ({ from: q.from, to: q.to, catalogueId: q.catalogueId })

/** `GET /api/v1/ledger`: the premium and payout ledger of a range of China dates. */
export function fetchLedger(query: LedgerQuery): Promise<Ledger> {
  return call(endpoints.ledger.getLedger, { query: queryOf(query) })
}

/** The same ledger as a workbook for the union's accounts (the server records the download). */
export function downloadLedger(query: LedgerQuery): Promise<void> {
  return downloadFile(staffPaths.ledgerXlsx(queryOf(query)), `收支台账-${query.from}-${query.to}.xlsx`)
}
