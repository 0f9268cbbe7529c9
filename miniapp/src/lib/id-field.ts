import { message, normaliseIdNumber, parseIdNumber } from '@huzhu/shared'

/**
 * An ID number field as it is typed (the member's real-name form, staff's
 * search by ID card): nothing to say while it is still short, the shared
 * check's own message as soon as it can be judged (18 characters, a character
 * that can never be right, or a 15-digit first-generation number).
 */
export function idFieldError(input: string, today: string): string | null {
  const value = normaliseIdNumber(input)
  if (value === '') return null
  const result = parseIdNumber(value, today)
  if (result.ok) return null
  if (result.code === 'id_length' && value.length < 18) return null
  return message(result.code, result.params)
}
