import {
  claimSchema, payeeAccountListResponseSchema, payeeAccountSchema, type Claim, type PayeeAccount, type PayeeAccountCreateRequest, type PayeeAccountList,
} from '@huzhu/shared'
import { api } from './api'
import { noContent, schemaDecoder } from './client'

/** The member's payee accounts (收款账户): where their claims are paid. */

export function listPayeeAccounts(): Promise<PayeeAccountList> {
  return api.request({ path: '/api/v1/me/payee-accounts', decode: schemaDecoder(payeeAccountListResponseSchema) })
}

export function addPayeeAccount(request: PayeeAccountCreateRequest): Promise<PayeeAccount> {
  return api.request({ method: 'POST', path: '/api/v1/me/payee-accounts', body: { ...request }, decode: schemaDecoder(payeeAccountSchema) })
}

export function setDefaultPayeeAccount(id: string): Promise<PayeeAccountList> {
  return api.request({ method: 'PUT', path: `/api/v1/me/payee-accounts/${encodeURIComponent(id)}/default`, body: {}, decode: schemaDecoder(payeeAccountListResponseSchema) })
}

export function deletePayeeAccount(id: string): Promise<void> {
  return api.request({ method: 'DELETE', path: `/api/v1/me/payee-accounts/${encodeURIComponent(id)}`, decode: noContent })
}

/** Pays the claim to another of the member's accounts (while it awaits payment, e.g. after the bank could not pay it). */
export function changeClaimPayee(claimId: string, payeeAccountId: string): Promise<Claim> {
  return api.request({ method: 'PUT', path: `/api/v1/claims/${encodeURIComponent(claimId)}/payee-account`, body: { payeeAccountId }, decode: schemaDecoder(claimSchema) })
}
