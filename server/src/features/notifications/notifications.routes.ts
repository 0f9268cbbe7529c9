import { clientConfigSchema, notificationListResponseSchema, notificationReadRequestSchema } from '@huzhu/shared'
import { nowIso } from '../../clock'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { presentNotification } from './notifications.presenter'
import { countUnread, listNotificationRows, markRead } from './notifications.repository'
import { notificationListQuerySchema } from './schema'

const tags = ['notifications']

/** The version of each consent text in force; the app records consents against these. */
export const CONSENT_TEXT_VERSIONS = { privacy_policy: '2026-11-01', sensitive_personal_info: '2026-11-01', medical_data: '2026-11-01' } as const

export const listMyNotifications = defineRoute({
  method: 'get', path: '/api/v1/me/notifications', operationId: 'listMyNotifications', tags, access: 'signed_in',
  summary: 'My messages about enrolments and claims, newest first, with the unread count',
  request: { query: notificationListQuerySchema },
  responses: { 200: { description: 'A page of messages', schema: notificationListResponseSchema } },
  async handler(ctx) {
    const me = currentUser(ctx)
    const { before, limit } = ctx.input.query
    const rows = await listNotificationRows(ctx.deps.db, me.id, before, limit + 1)
    const page = rows.slice(0, limit)
    ctx.body = {
      notifications: page.map(presentNotification),
      unread: await countUnread(ctx.deps.db, me.id),
      nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    }
  },
})

export const readMyNotifications = defineRoute({
  method: 'post', path: '/api/v1/me/notifications/read', operationId: 'readMyNotifications', tags, access: 'signed_in',
  summary: 'Mark my messages read: those in `ids` (others’ ids are ignored), or all when `ids` is absent',
  request: { body: notificationReadRequestSchema },
  responses: { 204: { description: 'Marked' } },
  async handler(ctx) {
    const me = currentUser(ctx)
    await ctx.deps.db.transaction().execute((trx) => markRead(trx, me.id, ctx.input.body.ids, nowIso(ctx.deps.clock)))
    ctx.status = 204
  },
})

export const getClientConfig = defineRoute({
  method: 'get', path: '/api/v1/client-config', operationId: 'getClientConfig', tags: ['client'], access: 'public',
  summary: 'What the app needs at start: WeChat subscribe-message templates to ask for, and the consent text versions in force',
  responses: { 200: { description: 'The client configuration', schema: clientConfigSchema } },
  handler(ctx) {
    const { claim, enrolment } = ctx.deps.config.wechat.subscribeTemplates
    const configured = Boolean(ctx.deps.config.wechat.appId && ctx.deps.config.wechat.secret)
    ctx.body = {
      wechatSubscribeTemplateIds: configured ? [claim, enrolment].filter((t): t is string => t !== undefined) : [],
      consentVersions: { ...CONSENT_TEXT_VERSIONS },
    }
  },
})

export const notificationRoutes = [listMyNotifications, readMyNotifications, getClientConfig]
