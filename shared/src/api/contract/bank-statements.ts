import { bankStatementImportSchema, unitPaymentCodesSchema } from '../bank-statements'
import { endpoint } from './endpoint'

export const bankStatementsEndpoints = {
  importBankStatement: endpoint({ method: 'post', path: '/api/v1/bank-statements', operationId: 'importBankStatement', response: bankStatementImportSchema }),
  listUnitPaymentCodes: endpoint({ method: 'get', path: '/api/v1/units/:unitId/payment-codes', operationId: 'listUnitPaymentCodes', response: unitPaymentCodesSchema }),
} as const
