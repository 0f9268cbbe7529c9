import { paymentOrderRequestSchema, paymentOrderSchema, unitPaymentOrderRequestSchema } from '../payment-orders'
import { endpoint } from './endpoint'

export const paymentOrdersEndpoints = {
  createEnrolmentPaymentOrder: endpoint({ method: 'post', path: '/api/v1/enrolments/:enrolmentId/payment-orders', operationId: 'createEnrolmentPaymentOrder', body: paymentOrderRequestSchema, response: paymentOrderSchema }),
  createUnitPaymentOrder: endpoint({ method: 'post', path: '/api/v1/units/:unitId/payment-orders', operationId: 'createUnitPaymentOrder', body: unitPaymentOrderRequestSchema, response: paymentOrderSchema }),
  getPaymentOrder: endpoint({ method: 'get', path: '/api/v1/payment-orders/:orderId', operationId: 'getPaymentOrder', response: paymentOrderSchema }),
  receiveWechatPayNotice: endpoint({ method: 'post', path: '/api/v1/wechat-pay/notices', operationId: 'receiveWechatPayNotice' }),
} as const
