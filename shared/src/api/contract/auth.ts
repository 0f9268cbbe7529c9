import { sessionResponseSchema, smsCodeRequestSchema, smsLoginRequestSchema, wechatLoginRequestSchema } from '../auth'
import { endpoint } from './endpoint'

export const authEndpoints = {
  sendSmsCode: endpoint({ method: 'post', path: '/api/v1/auth/sms-codes', operationId: 'sendSmsCode', body: smsCodeRequestSchema }),
  createSmsSession: endpoint({ method: 'post', path: '/api/v1/auth/sessions', operationId: 'createSmsSession', body: smsLoginRequestSchema, response: sessionResponseSchema }),
  createWechatSession: endpoint({ method: 'post', path: '/api/v1/auth/wechat-sessions', operationId: 'createWechatSession', body: wechatLoginRequestSchema, response: sessionResponseSchema }),
  deleteCurrentSession: endpoint({ method: 'delete', path: '/api/v1/auth/sessions/current', operationId: 'deleteCurrentSession' }),
} as const
