import { endpoints } from '@huzhu/shared'
import { nowIso } from '../../clock'
import { readPage } from '../../http/paging'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { presentNotification } from './notifications.presenter'
import { countUnread, listNotificationRows, markRead } from './notifications.repository'
import { notificationListQuerySchema } from './schema'

const tags = ['notifications']

export const listMyNotifications = defineRoute({
  endpoint: endpoints.notifications.listMyNotifications, tags, access: 'signed_in',
  summary: 'My messages about enrolments and claims, newest first, with the unread count',
  request: { query: notificationListQuerySchema },
  responses: { 200: { description: 'A page of messages' } },
  async handler(ctx) {
    const me = currentUser(ctx)
    const { before, limit } = ctx.input.query
    const page = await readPage(limit, (take) => listNotificationRows(ctx.deps.db, me.id, before, take))
    ctx.body = {
      notifications: page.items.map(presentNotification),
      unread: await countUnread(ctx.deps.db, me.id),
      nextBefore: page.next?.id ?? null,
    }
  },
})

export const readMyNotifications = defineRoute({
  endpoint: endpoints.notifications.readMyNotifications, tags, access: 'signed_in',
  summary: 'Mark my messages read: those in `ids` (others’ ids are ignored), or all when `ids` is absent',
  responses: { 204: { description: 'Marked' } },
  async handler(ctx) {
    const me = currentUser(ctx)
    await ctx.deps.db.transaction().execute((trx) => markRead(trx, me.id, ctx.input.body.ids, nowIso(ctx.deps.clock)))
    ctx.status = 204
  },
})

export const notificationRoutes = [listMyNotifications, readMyNotifications]
