import { unitRenewalListSchema } from '../renewals'
import { endpoint } from './endpoint'

export const renewalRosterEndpoints = {
  listUnitRenewals: endpoint({ method: 'get', path: '/api/v1/units/:unitId/renewals', operationId: 'listUnitRenewals', response: unitRenewalListSchema }),
  getRenewalRoster: endpoint({ method: 'get', path: '/api/v1/units/:unitId/renewal-roster.xlsx', operationId: 'getRenewalRoster' }),
} as const
