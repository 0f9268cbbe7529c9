import type { z } from 'zod'
import { isMessageCode, message, type MessageParams } from './messages'

/** One problem with one field of a request, as the API and the forms show it. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `event.date`; empty for the whole body. */
  path: string
  code: string
  message: string
}

/**
 * Zod issues as field problems with Chinese messages. Schemas in this package put a
 * message code in `message` (and template values in `params`); zod's own issues map
 * to `field_required` / `field_invalid`.
 */
export function describeIssues(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    if (isMessageCode(issue.message)) {
      const params = (issue as { params?: MessageParams }).params
      return { path, code: issue.message, message: message(issue.message, params) }
    }
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined
    const code = missing ? 'field_required' : 'field_invalid'
    return { path, code, message: message(code) }
  })
}
