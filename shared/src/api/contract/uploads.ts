import { uploadSchema } from '../claims'
import { endpoint } from './endpoint'

export const uploadsEndpoints = {
  createUpload: endpoint({ method: 'post', path: '/api/v1/uploads', operationId: 'createUpload', response: uploadSchema }),
  getUploadContent: endpoint({ method: 'get', path: '/api/v1/uploads/:uploadId/content', operationId: 'getUploadContent' }),
} as const
