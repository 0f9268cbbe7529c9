import { endpoints } from '@huzhu/shared'
import { todayInChina } from '../../clock'
import { defineRoute } from '../../http/route'
import { auditActorOf } from '../audit/audit.service'
import { calendarOverview, calendarYear, replaceCalendarYear } from './calendar.service'
import { calendarYearParamsSchema } from './schema'

const tags = ['calendar']
/** Office staff and reviewers read the calendar the due dates are counted on; admins keep it. */
const readers = { roles: ['staff', 'reviewer', 'admin'] } as const

export const getCalendarOverview = defineRoute({
  endpoint: endpoints.calendar.getCalendarOverview, tags, access: readers,
  summary: 'The years of the holiday calendar entered, and how far they reach from today: `warning` from 60 days before due dates would be counted on weekends alone',
  responses: { 200: { description: 'The years and their reach' } },
  async handler(ctx) {
    ctx.body = await calendarOverview(ctx.deps.readDb, todayInChina(ctx.deps.clock))
  },
})

export const getCalendarYear = defineRoute({
  endpoint: endpoints.calendar.getCalendarYear, tags, access: readers,
  summary: 'A year’s public holidays and make-up working days (调休); a year not entered is `published: false` and empty',
  request: { params: calendarYearParamsSchema },
  responses: { 200: { description: 'The year' } },
  async handler(ctx) {
    ctx.body = await calendarYear(ctx.deps.readDb, ctx.input.params.year)
  },
})

export const putCalendarYear = defineRoute({
  endpoint: endpoints.calendar.putCalendarYear, tags, access: { roles: ['admin'] },
  summary: 'Replace a year of the holiday calendar (audited). 422 `calendar_year_invalid` with each problem (a date outside the year, a date both kinds, a weekday as a make-up day, no holiday) and nothing changed. The due dates of open claims counted over the year are counted again in the same transaction (`claimsMoved`)',
  request: { params: calendarYearParamsSchema },
  responses: { 200: { description: 'The year as saved' } },
  errors: [422],
  async handler(ctx) {
    const { deps } = ctx
    ctx.body = await deps.db.transaction().execute((trx) => replaceCalendarYear(trx, deps, auditActorOf(ctx), ctx.input.params.year, ctx.input.body))
  },
})

export const calendarRoutes = [getCalendarOverview, getCalendarYear, putCalendarYear]
