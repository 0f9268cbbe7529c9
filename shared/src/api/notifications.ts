import { z } from 'zod'

/** In-app messages: one per enrolment or claim status change (and a unit admin's renewal reminder for their unit), newest first. */
export const notificationKinds = [
  'enrolment_created',
  'enrolment_active',
  'enrolment_cancelled',
  'claim_submitted',
  'claim_in_review',
  'claim_needs_material',
  'claim_approved',
  'claim_rejected',
  'claim_paid',
  'claim_payment_failed',
  'claim_withdrawn',
  'cover_ending',
  'unit_cover_ending',
] as const
export type NotificationKind = (typeof notificationKinds)[number]

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string(),
  subject: z.object({ type: z.enum(['enrolment', 'claim', 'unit']), id: z.string() }).describe('what the message is about: a unit for a unit admin’s renewal reminder'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})
export type Notification = z.infer<typeof notificationSchema>

export const notificationListResponseSchema = z.object({
  notifications: z.array(notificationSchema),
  unread: z.number().int(),
  nextBefore: z.string().nullable(),
})

/** `POST /api/v1/me/notifications/read`: mark some, or all when `ids` is absent. */
export const notificationReadRequestSchema = z.object({ ids: z.array(z.string().max(40)).max(200).optional() })

/** `GET /api/v1/client-config`: what the app needs at start (public). */
export const clientConfigSchema = z.object({
  wechatSubscribeTemplateIds: z.array(z.string()).describe('subscribe-message templates to ask for; empty when not configured'),
  consentVersions: z.object({ privacy_policy: z.string(), sensitive_personal_info: z.string(), medical_data: z.string() }),
  /** Whether premiums can be paid online (WeChat Pay); otherwise by transfer, confirmed by the office. */
  onlinePayment: z.boolean(),
  /** Days an enrolment waits for its premium before it expires. */
  pendingDays: z.number().int(),
})
