import { rosterImportRequestSchema, rosterSchema, rosterUploadQuerySchema } from '../units'
import { endpoint } from './endpoint'

export const rostersEndpoints = {
  getRosterTemplate: endpoint({ method: 'get', path: '/api/v1/rosters/template.xlsx', operationId: 'getRosterTemplate' }),
  uploadRoster: endpoint({ method: 'post', path: '/api/v1/units/:unitId/rosters', operationId: 'uploadRoster', query: rosterUploadQuerySchema, response: rosterSchema }),
  getRoster: endpoint({ method: 'get', path: '/api/v1/units/:unitId/rosters/:rosterId', operationId: 'getRoster', response: rosterSchema }),
  getRosterErrors: endpoint({ method: 'get', path: '/api/v1/units/:unitId/rosters/:rosterId/errors.xlsx', operationId: 'getRosterErrors' }),
  importRoster: endpoint({ method: 'post', path: '/api/v1/units/:unitId/rosters/:rosterId/import', operationId: 'importRoster', body: rosterImportRequestSchema, response: rosterSchema }),
  exportRoster: endpoint({ method: 'get', path: '/api/v1/units/:unitId/roster.xlsx', operationId: 'exportRoster' }),
} as const
