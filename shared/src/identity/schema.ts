import { z } from 'zod'
import { chinaDateOf, type CivilDate } from '../dates/civil-date'
import { parseIdNumber, type IdNumber } from './id-number'
import { parseMobile } from './mobile'

/**
 * A schema for ID numbers that outputs the parsed number. `today` bounds the
 * birth date; by default it is read from the clock at parse time (China date).
 */
export function idNumberSchema(today: () => CivilDate = () => chinaDateOf(new Date())) {
  return z.string({ message: 'id_required' }).transform((input, ctx): IdNumber => {
    const result = parseIdNumber(input, today())
    if (result.ok) return result.value
    ctx.addIssue({ code: 'custom', message: result.code, params: result.params })
    return z.NEVER
  })
}

/** The canonical 18-character ID number as a string. */
export function idNumberStringSchema(today?: () => CivilDate) {
  return idNumberSchema(today).transform((id) => id.value)
}

export const mobileSchema = z.string({ message: 'mobile_required' }).transform((input, ctx) => {
  const result = parseMobile(input)
  if (result.ok) return result.value
  ctx.addIssue({ code: 'custom', message: result.code })
  return z.NEVER
})

/** A person's name as on the ID card: Chinese, or Latin letters for foreigners, with · and spaces. */
export const personNameSchema = z
  .string({ message: 'name_required' })
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, { message: 'name_required' }).regex(/^[\p{Script=Han}A-Za-z·•.\- ]{2,30}$/u, { message: 'name_invalid' }))
