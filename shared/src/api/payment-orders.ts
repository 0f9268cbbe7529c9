import { z } from 'zod'

/** How a payer pays with WeChat Pay: in the mini-program (JSAPI), in a phone's browser (H5), or by scanning a QR code (Native). */
export const payChannels = ['jsapi', 'h5', 'native'] as const
export type PayChannel = (typeof payChannels)[number]

/** Pay for a pending enrolment: the server prices the order; the client only says how it will pay. */
export const paymentOrderRequestSchema = z.object({
  channel: z.enum(payChannels),
  /** H5: the app's page the cashier returns to (same origin as the app); the order id is added to it. */
  returnPath: z.string().regex(/^\/[A-Za-z0-9/_?=&.-]{0,200}$/, { message: 'field_invalid' }).optional(),
})
export type PaymentOrderRequest = z.infer<typeof paymentOrderRequestSchema>

/** A unit pays every pending enrolment of a catalogue (its roster) at once, by a QR code any phone can scan. */
export const unitPaymentOrderRequestSchema = z.object({ catalogueId: z.string().min(1).max(60), channel: z.enum(['native']) })
export type UnitPaymentOrderRequest = z.infer<typeof unitPaymentOrderRequestSchema>

export const paymentOrderStatuses = ['open', 'paid', 'closed'] as const

export const paymentOrderSchema = z.object({
  id: z.string(),
  channel: z.enum(payChannels),
  status: z.enum(paymentOrderStatuses),
  amountFen: z.number().int(),
  description: z.string(),
  enrolmentCount: z.number().int(),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  /** JSAPI: the parameters of `wx.requestPayment`, signed by the server. */
  jsapi: z.object({ appId: z.string(), timeStamp: z.string(), nonceStr: z.string(), package: z.string(), signType: z.literal('RSA'), paySign: z.string() }).optional(),
  /** H5: the WeChat Pay cashier to open (it returns to the app). */
  h5Url: z.string().optional(),
  /** Native: the `code_url` to show as a QR code. */
  codeUrl: z.string().optional(),
})
export type PaymentOrder = z.infer<typeof paymentOrderSchema>
