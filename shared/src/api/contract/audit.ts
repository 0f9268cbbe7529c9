import { auditLogResponseSchema } from '../admin'
import { endpoint } from './endpoint'

export const auditEndpoints = {
  listAuditLog: endpoint({ method: 'get', path: '/api/v1/audit-log', operationId: 'listAuditLog', response: auditLogResponseSchema }),
  exportAuditLog: endpoint({ method: 'get', path: '/api/v1/audit-log/export.xlsx', operationId: 'exportAuditLog' }),
} as const
