import { z } from 'zod'

/** Every API error: `{error: {code, message, details?}}`, `message` in Chinese. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('stable code for programs'),
    message: z.string().describe('Chinese, for people'),
    details: z.array(z.record(z.string(), z.unknown())).optional(),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>

export const productCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, { message: 'field_invalid' })
