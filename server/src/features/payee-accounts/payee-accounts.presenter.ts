import { maskBankAccountNumber, maskName, type ClaimPayee, type PayeeAccount } from '@huzhu/shared'
import type { DataProtector } from '../../crypto/protector'
import { unseal } from '../../crypto/personal-data'
import type { PayeeAccountRow } from './payee-accounts.table'

/** The account's number in full: only for the bank's transfer file. */
export function accountNumberOf(protector: DataProtector, row: Pick<PayeeAccountRow, 'id' | 'number_ciphertext'>): string {
  return unseal(protector, 'payee_accounts.number', row.id, row.number_ciphertext)
}

export function maskedNumberOf(protector: DataProtector, row: Pick<PayeeAccountRow, 'id' | 'number_ciphertext'>): string {
  return maskBankAccountNumber(accountNumberOf(protector, row))
}

/** The member's own view of an account: the number masked. */
export function presentPayeeAccount(protector: DataProtector, row: PayeeAccountRow): PayeeAccount {
  return {
    id: row.id, holderName: row.holder_name, bankName: row.bank_name, numberMasked: maskedNumberOf(protector, row),
    isDefault: row.is_default === 1, createdAt: row.created_at,
  }
}

/** Where a claim is paid, as its page shows it: the holder in full for the member and a reviewer, masked for others. */
export function presentClaimPayee(protector: DataProtector, row: PayeeAccountRow, fullName: boolean): ClaimPayee {
  return { id: row.id, holderName: fullName ? row.holder_name : maskName(row.holder_name), bankName: row.bank_name, numberMasked: maskedNumberOf(protector, row) }
}
