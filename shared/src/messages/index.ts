import { errorMessages } from './errors'
import { fillTemplate, type MessageParams } from './format'
import { identityMessages } from './identity'
import { payoutMessages } from './payout'
import { refusalReasons, type RefusalCode } from './refusals'
import { rosterMessages } from './roster'
import { ruleMessages } from './rules'

/**
 * The Chinese message catalogue. Every code a program sees has its text here;
 * a code that is not a key of `messages` does not compile.
 */
export const messages = {
  ...errorMessages,
  ...identityMessages,
  ...ruleMessages,
  ...payoutMessages,
  ...rosterMessages,
} as const

export type MessageCode = keyof typeof messages
export type ErrorCode = keyof typeof errorMessages | keyof typeof identityMessages
export type RosterCode = keyof typeof rosterMessages
export type RuleCode = keyof typeof ruleMessages

export function message(code: MessageCode, params?: MessageParams): string {
  return fillTemplate(messages[code], params)
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(messages, code)
}

/** `第2号：事故日期 … 在等待期内…` */
export function refusalText(code: RefusalCode, params?: MessageParams): string {
  return fillTemplate(refusalReasons[code].text, params)
}

export const messageSections = { errorMessages, identityMessages, ruleMessages, payoutMessages, rosterMessages } as const

export { fillTemplate, refusalReasons }
export type { MessageParams, RefusalCode }
export * from './labels'
export { refusalCodes } from './refusals'
export * from './ui'
export * from './ui-staff'
export * from './ui-bank-statements'
export * from './ui-payee'
export * from './ui-data-requests'
export * from './ui-renewal'
export * from './ui-ledger'
export * from './ui-dashboard'
export * from './ui-dashboard-page'
export * from './ui-transparency'
export * from './ui-calendar'
export * from './ui-users'
export * from './ui-catalogues'
export * from './ui-units'
export * from './ui-assisted'
export * from './ui-hardship'
