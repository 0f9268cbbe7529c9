import { endpoints } from '@huzhu/shared'
import type { Db } from '../../db/open'
import type { AppContext } from '../../http/context'
import { notFound } from '../../http/errors'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { findUnitNames } from '../units/units.repository'
import { eventEnrolmentCounts, findEventByCode, findEventById, listEventRows } from './events.repository'
import { eventLink, presentEvent, presentEventPublic } from './events.presenter'
import { createEvent, recordScan } from './events.service'
import { qrPng } from './qr-png'
import type { OutreachEventRow } from './events.table'
import { eventCodeParamsSchema, eventParamsSchema } from './schema'

const tags = ['events']
const staffOnly = { roles: ['staff', 'admin'] } as const

/** The configured public URL, else the scheme and host the request came to (behind a proxy: X-Forwarded-* when trusted). */
const baseUrlOf = (ctx: Pick<AppContext, 'deps' | 'protocol' | 'host'>) => ctx.deps.config.publicUrl ?? `${ctx.protocol}://${ctx.host}`

/** The names of the events' units, by unit id. */
const unitNames = (db: Db, rows: readonly OutreachEventRow[]) => findUnitNames(db, rows.map((r) => r.unit_id).filter((id): id is string => id !== null))

async function presentMany(ctx: Pick<AppContext, 'deps' | 'protocol' | 'host'>, rows: OutreachEventRow[]) {
  const db = ctx.deps.readDb
  const [names, counts] = await Promise.all([unitNames(db, rows), eventEnrolmentCounts(db, rows.map((r) => r.id))])
  return rows.map((r) => presentEvent(r, r.unit_id ? names.get(r.unit_id) ?? null : null, counts.get(r.id), baseUrlOf(ctx)))
}

async function eventOr404(db: Db, id: string): Promise<OutreachEventRow> {
  const row = await findEventById(db, id)
  if (!row) throw notFound('event_not_found')
  return row
}

export const createEventRoute = defineRoute({
  endpoint: endpoints.events.createEvent, tags, access: staffOnly,
  summary: 'Create an outreach event (宣讲、义诊) with its QR code: catalogue, suggested products, who pays',
  responses: { 201: { description: 'Created' } },
  errors: [422],
  async handler(ctx) {
    const staffId = currentUser(ctx).id
    const row = await ctx.deps.db.transaction().execute((trx) => createEvent(trx, ctx.deps, staffId, ctx.input.body))
    ctx.status = 201
    ctx.body = (await presentMany(ctx, [row]))[0]
  },
})

export const listEventsRoute = defineRoute({
  endpoint: endpoints.events.listEvents, tags, access: staffOnly,
  summary: 'Outreach events, latest date first, with live counts',
  responses: { 200: { description: 'Events' } },
  async handler(ctx) {
    ctx.body = { events: await presentMany(ctx, await listEventRows(ctx.deps.readDb)) }
  },
})

export const getEventRoute = defineRoute({
  endpoint: endpoints.events.getEvent, tags, access: staffOnly,
  summary: 'One event with its link, mini-program scene and live counts (scanned, enrolled, pending payment)',
  request: { params: eventParamsSchema },
  responses: { 200: { description: 'The event' } },
  errors: [404],
  async handler(ctx) {
    const row = await eventOr404(ctx.deps.readDb, ctx.input.params.eventId)
    ctx.body = (await presentMany(ctx, [row]))[0]
  },
})

export const getEventQrRoute = defineRoute({
  endpoint: endpoints.events.getEventQr, tags, access: staffOnly,
  summary: 'The event’s QR code (PNG) holding its H5 link, for a phone screen or a poster',
  request: { params: eventParamsSchema },
  responses: { 200: { description: 'A PNG image', contentType: 'image/png' } },
  errors: [404],
  async handler(ctx) {
    const row = await eventOr404(ctx.deps.readDb, ctx.input.params.eventId)
    ctx.type = 'image/png'
    ctx.body = qrPng(eventLink(baseUrlOf(ctx), row.code), { margin: 2, width: 512 })
  },
})

export const getEventByCodeRoute = defineRoute({
  endpoint: endpoints.events.getEventByCode, tags, access: 'public',
  summary: 'What a rider who scanned an event’s code sees: the event and its suggested selection, no counts',
  request: { params: eventCodeParamsSchema },
  responses: { 200: { description: 'The event' } },
  errors: [404],
  async handler(ctx) {
    const row = await findEventByCode(ctx.deps.readDb, ctx.input.params.code)
    if (!row) throw notFound('event_not_found')
    const names = await unitNames(ctx.deps.readDb, [row])
    ctx.body = presentEventPublic(row, row.unit_id ? names.get(row.unit_id) ?? null : null)
  },
})

export const scanEventRoute = defineRoute({
  endpoint: endpoints.events.scanEvent, tags, access: 'public',
  summary: 'Count one scan of an event’s code (rate-limited per client)',
  request: { params: eventCodeParamsSchema },
  responses: { 204: { description: 'Counted' } },
  errors: [404, 429],
  async handler(ctx) {
    const ip = ctx.ip || 'unknown'
    await ctx.deps.db.transaction().execute((trx) => recordScan(trx, ctx.deps, ctx.input.params.code, ip))
    ctx.status = 204
  },
})

export const eventRoutes = [createEventRoute, listEventsRoute, getEventRoute, getEventQrRoute, getEventByCodeRoute, scanEventRoute]
