import { hardshipFlagRequestSchema, hardshipWorkerListSchema, hardshipWorkerSchema } from '../funding'
import { endpoint } from './endpoint'

export const hardshipEndpoints = {
  flagHardshipWorker: endpoint({ method: 'post', path: '/api/v1/hardship-workers', operationId: 'flagHardshipWorker', body: hardshipFlagRequestSchema, response: hardshipWorkerSchema }),
  unflagHardshipWorker: endpoint({ method: 'post', path: '/api/v1/hardship-workers/removals', operationId: 'unflagHardshipWorker' }),
  listHardshipWorkers: endpoint({ method: 'get', path: '/api/v1/hardship-workers', operationId: 'listHardshipWorkers', response: hardshipWorkerListSchema }),
  removeHardshipWorker: endpoint({ method: 'delete', path: '/api/v1/hardship-workers/:hardshipWorkerId', operationId: 'removeHardshipWorker' }),
} as const
