import { dashboardQuerySchema, dashboardSchema, dashboardWorkbookQuerySchema } from '../../schemas/dashboard'
import { endpoint } from './endpoint'

export const dashboardEndpoints = {
  getDashboard: endpoint({ method: 'get', path: '/api/v1/dashboard', operationId: 'getDashboard', query: dashboardQuerySchema, response: dashboardSchema }),
  getDashboardWorkbook: endpoint({ method: 'get', path: '/api/v1/dashboard.xlsx', operationId: 'getDashboardWorkbook', query: dashboardWorkbookQuerySchema }),
} as const
