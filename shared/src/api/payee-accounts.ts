import { z } from 'zod'
import { parseBankAccountNumber } from '../payee/bank-account'

/**
 * Payee accounts (收款账户): the member's own bank accounts a claim is paid to
 * (DOMAIN.md, "Claims"). The holder is always the name on the member's real-name
 * profile; the number is stored encrypted and shown masked (`6222 **** **** 1234`).
 * It appears in full only in the office's batch transfer file for the bank.
 *
 * `GET /api/v1/me/payee-accounts`, `POST /api/v1/me/payee-accounts`,
 * `PUT /api/v1/me/payee-accounts/:payeeAccountId/default`,
 * `DELETE /api/v1/me/payee-accounts/:payeeAccountId` (not while an unpaid claim is to be paid to it).
 */
export const MAX_PAYEE_ACCOUNTS = 10

/** A bank card or account number as typed: the digits out (see payee/bank-account.ts for the rules). */
export const bankAccountNumberSchema = z.string({ message: 'bank_account_required' }).transform((input, ctx) => {
  const result = parseBankAccountNumber(input)
  if (result.ok) return result.value
  ctx.addIssue({ code: 'custom', message: result.code, params: result.params })
  return z.NEVER
})

/** The bank and branch (开户行) as the member names it, e.g. 中国工商银行西安雁塔支行. */
export const bankNameSchema = z
  .string({ message: 'bank_name_required' })
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, { message: 'bank_name_required' }))
  .pipe(z.string().min(2, { message: 'bank_name_invalid' }).max(60, { message: 'bank_name_invalid' }))

export const payeeAccountCreateRequestSchema = z.object({
  holderName: z.string({ message: 'field_required' }).trim().min(1, { message: 'field_required' }).max(30)
    .describe('the account holder (户名): must be the name on my real-name profile, else 422'),
  bankName: bankNameSchema,
  accountNumber: bankAccountNumberSchema.describe('12–30 digits, spaces allowed; a UnionPay card number (62…, 16–19 digits) must pass the Luhn check'),
  makeDefault: z.boolean().optional().describe('make it the default account; the first account always is'),
})
export type PayeeAccountCreateRequest = z.input<typeof payeeAccountCreateRequestSchema>

export const payeeAccountSchema = z.object({
  id: z.string(),
  holderName: z.string(),
  bankName: z.string(),
  numberMasked: z.string().describe('`6222 **** **** 1234`: never the full number'),
  isDefault: z.boolean(),
  createdAt: z.string(),
})
export type PayeeAccount = z.infer<typeof payeeAccountSchema>

export const payeeAccountListResponseSchema = z.object({
  accounts: z.array(payeeAccountSchema).describe('default first, then newest first'),
  holderName: z.string().nullable().describe('the name on my real-name profile, the holder of every account I add; null without a profile'),
})
export type PayeeAccountList = z.infer<typeof payeeAccountListResponseSchema>

/** `PUT /api/v1/claims/:claimId/payee-account`: pay my claim to another of my accounts (before its payment is under way). */
export const claimPayeeRequestSchema = z.object({ payeeAccountId: z.string().min(1).max(40) })

/** Where a claim is paid, as the claim shows it (holder masked for staff). */
export const claimPayeeSchema = z.object({
  id: z.string(),
  holderName: z.string(),
  bankName: z.string(),
  numberMasked: z.string(),
})
export type ClaimPayee = z.infer<typeof claimPayeeSchema>
