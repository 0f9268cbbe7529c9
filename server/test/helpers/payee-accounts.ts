import { luhnValid } from '@huzhu/shared'
import type { TestUser } from './login'
import type { TestApp } from './test-app'

let cardCounter = 0

/** A UnionPay debit card number (19 digits, 62…, Luhn check digit computed) not used before in this process. */
export function freshCardNumber(): string {
  cardCounter += 1
  const first18 = `622202${String(process.pid % 1000).padStart(3, '0')}${String(cardCounter).padStart(9, '0')}`
  for (let d = 0; d <= 9; d++) if (luhnValid(`${first18}${d}`)) return `${first18}${d}`
  throw new Error('unreachable')
}

/**
 * Adds a payee account over HTTP, held in the name on the user's profile (which
 * must exist), a fresh card number unless given. Returns the account's id.
 */
export async function addTestPayeeAccount(app: TestApp, user: TestUser, fields: { accountNumber?: string; bankName?: string; makeDefault?: boolean } = {}): Promise<string> {
  const list = await app.api.get('/api/v1/me/payee-accounts', { token: user.token })
  if (list.status !== 200 || !list.body.holderName) throw new Error(`payee accounts need a profile: ${list.status} ${list.text}`)
  const res = await app.api.post('/api/v1/me/payee-accounts', {
    holderName: list.body.holderName, bankName: fields.bankName ?? '中国工商银行西安雁塔支行', accountNumber: fields.accountNumber ?? freshCardNumber(),
    ...(fields.makeDefault !== undefined ? { makeDefault: fields.makeDefault } : {}),
  }, { token: user.token })
  if (res.status !== 201) throw new Error(`payee-accounts answered ${res.status}: ${res.text}`)
  return res.body.id as string
}

/** An id that names no account: what a claim of a user who cannot have one (no profile) sends. */
export const NO_PAYEE_ACCOUNT = 'pya_01JAAAAAAAAAAAAAAAAAAAAAAA'

/** The user's default payee account, one added the first time when they have a profile; else an id that names none. */
export async function payeeAccountOf(app: TestApp, user: TestUser): Promise<string> {
  const list = await app.api.get('/api/v1/me/payee-accounts', { token: user.token })
  if (list.status !== 200) return NO_PAYEE_ACCOUNT
  const own = (list.body.accounts as { id: string; isDefault: boolean }[]).find((a) => a.isDefault)
  if (own) return own.id
  return list.body.holderName ? addTestPayeeAccount(app, user) : NO_PAYEE_ACCOUNT
}
