import { ledgerQuerySchema, ledgerSchema } from '../ledger'
import { endpoint } from './endpoint'

export const ledgerEndpoints = {
  getLedger: endpoint({ method: 'get', path: '/api/v1/ledger', operationId: 'getLedger', query: ledgerQuerySchema, response: ledgerSchema }),
  getLedgerWorkbook: endpoint({ method: 'get', path: '/api/v1/ledger.xlsx', operationId: 'getLedgerWorkbook', query: ledgerQuerySchema }),
} as const
