import { z } from 'zod'
import { isCivilDate } from './civil-date'

/** A calendar date `YYYY-MM-DD` that exists. */
export const civilDateSchema = z
  .string()
  .refine(isCivilDate, { message: 'date_invalid' })
  .describe('calendar date YYYY-MM-DD, China time')

/** An instant as ISO-8601 UTC, e.g. 2020-04-01T02:00:00.000Z. */
export const instantSchema = z.iso.datetime().describe('instant, ISO-8601 UTC')
