import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'

/**
 * The holiday calendar (节假日安排) as the admin maintains it, one year at a
 * time: `GET /api/v1/calendar` (the years held and how far they reach),
 * `GET /api/v1/calendar/:year`, `PUT /api/v1/calendar/:year` (the whole year
 * replaced; the due dates of open claims are computed again with it).
 */
export const calendarYearRequestSchema = z.object({
  holidays: z.array(civilDateSchema).max(366).describe('public holidays (法定节假日), weekend days inside a holiday block included'),
  workdays: z.array(civilDateSchema).max(366).describe('Saturdays and Sundays worked in exchange (调休上班)'),
})
export type CalendarYearRequest = z.infer<typeof calendarYearRequestSchema>

export const calendarYearSchema = z.object({
  year: z.number().int(),
  published: z.boolean().describe('false: the year is not entered yet; its days count on weekends alone'),
  holidays: z.array(civilDateSchema),
  workdays: z.array(civilDateSchema),
  updatedAt: z.string().nullable().describe('when the year was last saved; null for a year not entered'),
})
export type CalendarYear = z.infer<typeof calendarYearSchema>

export const calendarYearSavedSchema = calendarYearSchema.extend({
  claimsMoved: z.number().int().describe('open claims whose due date changed with this calendar'),
})
export type CalendarYearSaved = z.infer<typeof calendarYearSavedSchema>

export const calendarOverviewSchema = z.object({
  years: z.array(z.object({
    year: z.number().int(),
    holidayCount: z.number().int(),
    workdayCount: z.number().int(),
    updatedAt: z.string(),
  })),
  today: civilDateSchema.describe('today in China'),
  coveredThrough: civilDateSchema.nullable().describe('the last day of the run of entered years from this one; null when this year is not entered'),
  nextYear: z.number().int().describe('the first year to enter next'),
  daysLeft: z.number().int().describe('days until due dates count on weekends alone (0: already)'),
  warning: z.boolean().describe('true from `warningDays` before the calendar runs out'),
  warningDays: z.number().int(),
})
export type CalendarOverview = z.infer<typeof calendarOverviewSchema>
