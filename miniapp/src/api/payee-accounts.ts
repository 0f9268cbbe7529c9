import { endpoints, type Claim, type PayeeAccount, type PayeeAccountCreateRequest, type PayeeAccountList } from '@huzhu/shared'
import { call } from './call'

/** The member's payee accounts (收款账户): where their claims are paid. */

export function listPayeeAccounts(): Promise<PayeeAccountList> {
  return call(endpoints.payeeAccounts.listMyPayeeAccounts)
}

export function addPayeeAccount(request: PayeeAccountCreateRequest): Promise<PayeeAccount> {
  return call(endpoints.payeeAccounts.addMyPayeeAccount, { body: { ...request } })
}

export function setDefaultPayeeAccount(id: string): Promise<PayeeAccountList> {
  return call(endpoints.payeeAccounts.setMyDefaultPayeeAccount, { params: { payeeAccountId: id }, body: {} })
}

export function deletePayeeAccount(id: string): Promise<void> {
  return call(endpoints.payeeAccounts.deleteMyPayeeAccount, { params: { payeeAccountId: id } })
}

/** Pays the claim to another of the member's accounts (while it awaits payment, e.g. after the bank could not pay it). */
export function changeClaimPayee(claimId: string, payeeAccountId: string): Promise<Claim> {
  return call(endpoints.claims.changeClaimPayeeAccount, { params: { claimId }, body: { payeeAccountId } })
}
