import { message, type MessageParams, type RuleCode } from '../messages'

/** A broken rule, named with the product it concerns (null when it concerns the whole selection). */
export interface RuleViolation {
  rule: RuleCode
  product: string | null
  message: string
}

export function violation(rule: RuleCode, product: string | null, params?: MessageParams): RuleViolation {
  return { rule, product, message: message(rule, params) }
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; violations: RuleViolation[] }
