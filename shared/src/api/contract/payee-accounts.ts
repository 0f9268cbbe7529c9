import { payeeAccountCreateRequestSchema, payeeAccountListResponseSchema, payeeAccountSchema } from '../payee-accounts'
import { endpoint } from './endpoint'

export const payeeAccountsEndpoints = {
  listMyPayeeAccounts: endpoint({ method: 'get', path: '/api/v1/me/payee-accounts', operationId: 'listMyPayeeAccounts', response: payeeAccountListResponseSchema }),
  addMyPayeeAccount: endpoint({ method: 'post', path: '/api/v1/me/payee-accounts', operationId: 'addMyPayeeAccount', body: payeeAccountCreateRequestSchema, response: payeeAccountSchema }),
  setMyDefaultPayeeAccount: endpoint({ method: 'put', path: '/api/v1/me/payee-accounts/:payeeAccountId/default', operationId: 'setMyDefaultPayeeAccount', response: payeeAccountListResponseSchema }),
  deleteMyPayeeAccount: endpoint({ method: 'delete', path: '/api/v1/me/payee-accounts/:payeeAccountId', operationId: 'deleteMyPayeeAccount' }),
} as const
