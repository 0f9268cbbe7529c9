import { z } from 'zod'

/** `:year` of the calendar routes: four digits, 2000–2100. */
export const calendarYearParamsSchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, { message: 'field_invalid' })
    .transform(Number)
    .pipe(z.number().int().min(2000, { message: 'field_invalid' }).max(2100, { message: 'field_invalid' }))
    .describe('the year, e.g. 2027'),
})
