import { describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { message, payeeUi, ui, type Claim, type PayeeAccount } from '@huzhu/shared'
import { ClaimDetailView } from '../src/features/claims/ClaimDetail'
import { ClaimForm } from '../src/features/claims/ClaimForm'
import { newDraft } from '../src/features/claims/draft'
import { PayeeAccountForm } from '../src/features/claims/PayeeAccountForm'
import { PayeeAccountsScreen } from '../src/features/claims/PayeeAccountsScreen'
import type { PhotoService } from '../src/features/claims/photos'
import { claimFixture, enrolmentFixture, errorResponse, fakeServer, json, payeeAccountFixture, payeeAccountsRoute } from './fixtures'
import { modals, requests, setRequestHandler } from './taro-stub'

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no element #${id}`)
  return element
}
const type = (id: string, value: string) => fireEvent.change(byId(id), { target: { value } })
const value = (id: string) => (byId(id) as HTMLInputElement).value

const added = (overrides: Partial<PayeeAccount> = {}) => payeeAccountFixture({ id: 'pya_new', numberMasked: '6228 **** **** 5671', bankName: '中国农业银行', ...overrides })

describe('adding a bank account', () => {
  test('the holder is the profile’s name; the number is grouped as typed and checked by the shared rules while typing; sent as digits', async () => {
    setRequestHandler(fakeServer({ 'POST /api/v1/me/payee-accounts': json(added(), 201) }))
    let result: PayeeAccount | null = null
    render(<PayeeAccountForm holderName='王小明' onAdded={(a) => (result = a)} />)
    expect(byId('payee-holder').textContent).toBe('王小明')

    type('payee-number', '62220212345678901')
    expect(value('payee-number')).toBe('6222 0212 3456 7890 1')
    expect(document.getElementById('payee-number-error')).toBeNull()
    // All 19 digits of a UnionPay card and a wrong last digit: said at once, in the shared rule's words.
    type('payee-number', '6222 0212 3456 7890 127')
    expect(byId('payee-number-error').textContent).toBe(message('bank_account_checksum'))
    type('payee-number', '6222 0212 3456 789x')
    expect(byId('payee-number-error').textContent).toBe(message('bank_account_characters'))

    // Sent without a bank, or with a number too short: each field says why, nothing is sent.
    type('payee-number', '6222 0212')
    fireEvent.click(byId('payee-save'))
    expect(byId('payee-bank-error').textContent).toBe(message('bank_name_required'))
    expect(byId('payee-number-error').textContent).toBe(message('bank_account_length', { length: 8 }))
    expect(requests).toHaveLength(0)

    type('payee-bank', '中国农业银行')
    type('payee-number', '6228 4800 1234 5671')
    await act(async () => {
      fireEvent.click(byId('payee-save'))
    })
    await waitFor(() => expect(result).not.toBeNull())
    expect(requests.find((r) => r.url === '/api/v1/me/payee-accounts')?.data).toEqual({ holderName: '王小明', bankName: '中国农业银行', accountNumber: '6228480012345671' })
  })

  test('the same number twice: the server’s message at the number', async () => {
    setRequestHandler(fakeServer({ 'POST /api/v1/me/payee-accounts': errorResponse(409, 'payee_account_exists', message('payee_account_exists')) }))
    render(<PayeeAccountForm holderName='王小明' onAdded={() => undefined} />)
    type('payee-bank', '中国农业银行')
    type('payee-number', '6228480012345671')
    fireEvent.click(byId('payee-save'))
    await waitFor(() => expect(byId('payee-number-error').textContent).toBe(message('payee_account_exists')))
  })
})

describe('the accounts page', () => {
  test('accounts masked, the default marked; another made the default; one deleted after the member confirms', async () => {
    const second = added({ isDefault: false })
    let accounts = [payeeAccountFixture(), second]
    setRequestHandler(fakeServer({
      'GET /api/v1/me/payee-accounts': () => json({ accounts, holderName: '王小明' }),
      'PUT /api/v1/me/payee-accounts/pya_new/default': () => {
        accounts = [{ ...second, isDefault: true }, { ...payeeAccountFixture(), isDefault: false }]
        return json({ accounts, holderName: '王小明' })
      },
      'DELETE /api/v1/me/payee-accounts/pya_1': () => {
        accounts = accounts.filter((a) => a.id !== 'pya_1')
        return { statusCode: 204, data: '' }
      },
    }))
    render(<PayeeAccountsScreen />)
    const tagged = () => Array.from(document.querySelectorAll('.payee-option__tag')).map((tag) => tag.closest('.payee-option')!.id)
    await waitFor(() => expect(byId('payee-account-pya_1').textContent).toContain('6222 **** **** 0128'))
    expect(tagged()).toEqual(['payee-account-pya_1'])
    expect(document.getElementById('payee-account-pya_1-default')).toBeNull()

    fireEvent.click(byId('payee-account-pya_new-default'))
    await waitFor(() => expect(tagged()).toEqual(['payee-account-pya_new']))
    fireEvent.click(byId('payee-account-pya_1-remove'))
    await waitFor(() => expect(document.getElementById('payee-account-pya_1')).toBeNull())
    expect(modals.at(-1)?.content).toBe(payeeUi.removeConfirm)
    expect(requests.some((r) => r.method === 'DELETE' && r.url === '/api/v1/me/payee-accounts/pya_1')).toBe(true)
  })

  test('an account an unpaid claim is to be paid to is kept, and the page says why', async () => {
    setRequestHandler(fakeServer({
      ...payeeAccountsRoute(),
      'DELETE /api/v1/me/payee-accounts/pya_1': errorResponse(409, 'payee_account_in_use', message('payee_account_in_use')),
    }))
    render(<PayeeAccountsScreen />)
    await waitFor(() => expect(byId('payee-account-pya_1')).toBeTruthy())
    fireEvent.click(byId('payee-account-pya_1-remove'))
    await waitFor(() => expect(byId('payee-accounts-failure').textContent).toBe(message('payee_account_in_use')))
    expect(byId('payee-account-pya_1')).toBeTruthy()
  })

  test('without a real-name profile: asked to fill it in first', async () => {
    setRequestHandler(fakeServer({ 'GET /api/v1/me/payee-accounts': json({ accounts: [], holderName: null }) }))
    render(<PayeeAccountsScreen />)
    await waitFor(() => expect(byId('payee-accounts').textContent).toContain(payeeUi.needProfile))
  })
})

const noPhotos: PhotoService = { choose: () => Promise.resolve([{ preview: 'blob:p', source: 'p' }]), upload: async () => ({ id: 'upl_1', mediaType: 'image/jpeg', size: 1, sha256: '0'.repeat(64), width: 1, height: 1, createdAt: '2026-11-25T03:00:00.000Z' }) }

describe('the claim form: where the claim is paid', () => {
  test('a rider without an account adds one in the form; the claim is paid to it', async () => {
    let accounts: PayeeAccount[] = []
    setRequestHandler(fakeServer({
      'GET /api/v1/me/payee-accounts': () => json({ accounts, holderName: '王小明' }),
      'POST /api/v1/me/payee-accounts': () => {
        accounts = [added({ isDefault: true })]
        return json(accounts[0], 201)
      },
      'POST /api/v1/payout-estimates': json({ totalFen: 100, lines: [] }),
      'POST /api/v1/claims': json(claimFixture(), 201),
    }))
    let submitted: Claim | null = null
    render(<ClaimForm enrolments={[enrolmentFixture()]} photos={noPhotos} initial={newDraft()} restored={false} onSubmitted={(c) => (submitted = c)} />)
    await waitFor(() => expect(byId('claim-payee-new-form')).toBeTruthy())
    expect(byId('claim-payee-empty').textContent).toBe(payeeUi.empty)

    type('claim-date', '2027-01-10')
    type('claim-diagnosis', '急性阑尾炎')
    type('claim-pooledOutOfPocket', '100')
    type('claim-hospitalDays', '2')
    await act(async () => {
      fireEvent.click(byId('claim-add-photos'))
    })
    await waitFor(() => expect(byId('photo-0-status').textContent).toBe(ui.claim.uploaded))
    fireEvent.click(byId('claim-estimate-button'))
    await waitFor(() => expect(byId('claim-estimate-lines-total')).toBeTruthy())
    fireEvent.click(byId('claim-submit'))
    expect(byId('claim-payee-required').textContent).toBe(payeeUi.chooseRequired)
    expect(requests.some((r) => r.url === '/api/v1/claims')).toBe(false)

    type('claim-payee-new-bank', '中国农业银行')
    type('claim-payee-new-number', '6228480012345671')
    await act(async () => {
      fireEvent.click(byId('claim-payee-new-save'))
    })
    await waitFor(() => expect(byId('claim-payee-account-pya_new').className).toContain('is-active'))
    fireEvent.click(byId('claim-submit'))
    await waitFor(() => expect(submitted).not.toBeNull())
    expect(requests.find((r) => r.url === '/api/v1/claims')?.data).toMatchObject({ payeeAccountId: 'pya_new' })
  })
})

describe('the claim page: where it is paid', () => {
  const failedClaim = claimFixture({
    status: 'approved',
    decision: { decidedAt: '2027-01-18T06:00:00.000Z', approvedFen: 500_000, lines: [], refusal: null, missing: [], note: null },
    paymentFailure: { reason: '户名与账号不符', failedOn: '2027-01-20', accountChanged: false },
  })

  test('after the bank could not pay: “please correct your account” with its reason; another account is chosen and the claim says so', async () => {
    const other = added({ isDefault: false })
    const corrected: Claim = { ...failedClaim, payeeAccount: { id: other.id, holderName: '王小明', bankName: other.bankName, numberMasked: other.numberMasked }, paymentFailure: { ...failedClaim.paymentFailure!, accountChanged: true } }
    setRequestHandler(fakeServer({ ...payeeAccountsRoute([payeeAccountFixture(), other]), 'PUT /api/v1/claims/clm_1/payee-account': json(corrected) }))
    let shown: Claim = failedClaim
    const view = render(<ClaimDetailView claim={shown} photos={noPhotos} onChange={(c) => (shown = c)} />)
    expect(byId('claim-payment-failed').textContent).toBe(`${payeeUi.failedTitle}银行退回原因：户名与账号不符（2027年1月20日）`)
    expect(byId('claim-payee-account').textContent).toContain('6222 **** **** 0128')

    fireEvent.click(byId('claim-payee-change'))
    // The account the bank could not pay to is not offered again; the other one is chosen.
    await waitFor(() => expect(byId('claim-payee-choose-account-pya_new').className).toContain('is-active'))
    expect(document.getElementById('claim-payee-choose-account-pya_1')).toBeNull()
    fireEvent.click(byId('claim-payee-confirm'))
    await waitFor(() => expect(shown).toEqual(corrected))
    expect(requests.find((r) => r.method === 'PUT')?.data).toEqual({ payeeAccountId: 'pya_new' })

    view.rerender(<ClaimDetailView claim={shown} photos={noPhotos} onChange={() => undefined} />)
    expect(document.getElementById('claim-payment-failed')).toBeNull()
    expect(byId('claim-payment-corrected').textContent).toBe(payeeUi.failedChanged)
    expect(byId('claim-payee-account').textContent).toContain('6228 **** **** 5671')
  })

  test('at the bank: in progress, no change offered; paid: the bank’s date', () => {
    const atBank = render(<ClaimDetailView claim={claimFixture({ status: 'payment_in_progress' })} photos={noPhotos} onChange={() => undefined} />)
    expect(byId('claim-status').textContent).toBe('付款中')
    expect(byId('claim-payee-in-progress').textContent).toBe(payeeUi.inProgress)
    expect(document.getElementById('claim-payee-change')).toBeNull()
    atBank.unmount()
    render(<ClaimDetailView claim={claimFixture({ status: 'paid', payment: { reference: 'HX0001', paidAt: '2027-01-21T02:00:00.000Z', paidOn: '2027-01-20' } })} photos={noPhotos} onChange={() => undefined} />)
    expect(byId('claim-payee-paid').textContent).toBe('已于2027年1月20日打款到这个账户')
    expect(byId('claim-paid').textContent).toBe('已于2027年1月20日打款，流水号 HX0001')
    expect(screen.queryByText(payeeUi.change)).toBeNull()
  })
})
