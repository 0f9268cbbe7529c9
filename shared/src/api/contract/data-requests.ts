import { dataDeletionOutlookSchema, dataDeletionRequestSchema, dataDeletionResultSchema, dataExportQuerySchema, dataExportSchema } from '../data-requests'
import { endpoint } from './endpoint'

export const dataRequestsEndpoints = {
  getMyDataExport: endpoint({ method: 'get', path: '/api/v1/me/data-export', operationId: 'getMyDataExport', query: dataExportQuerySchema, response: dataExportSchema }),
  getMyDataExportWorkbook: endpoint({ method: 'get', path: '/api/v1/me/data-export.xlsx', operationId: 'getMyDataExportWorkbook', query: dataExportQuerySchema }),
  getMyDataDeletion: endpoint({ method: 'get', path: '/api/v1/me/data-deletion', operationId: 'getMyDataDeletion', response: dataDeletionOutlookSchema }),
  requestMyDataDeletion: endpoint({ method: 'post', path: '/api/v1/me/data-deletion', operationId: 'requestMyDataDeletion', body: dataDeletionRequestSchema, response: dataDeletionResultSchema }),
  cancelMyDataDeletion: endpoint({ method: 'delete', path: '/api/v1/me/data-deletion', operationId: 'cancelMyDataDeletion' }),
} as const
