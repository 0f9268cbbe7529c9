import {
  bankAccountTypingProblem, groupBankAccountNumber, luhnValid, maskBankAccountNumber, parseBankAccountNumber, payeeAccountCreateRequestSchema,
} from '..'

describe('bank card and account numbers', () => {
  test.each([
    ['6222021234567890128', '6222021234567890128'], // UnionPay debit card, 19 digits, Luhn holds
    ['6228 4800 1234 5671', '6228480012345671'], // 16 digits as printed on the card
    ['６２１７０００１２３４５６７８９０１９', '6217000123456789019'], // full-width digits from a Chinese keyboard
    ['110 9287 3456 1', '110928734561'], // a 12-digit account number: no check digit to test
    ['3700021209024512345', '3700021209024512345'], // a 19-digit passbook account not starting with 62: no Luhn
    ['44050186750100001234', '44050186750100001234'], // 20 digits (a CCB-style account)
  ])('accepts %s as %s', (input, stored) => {
    expect(parseBankAccountNumber(input)).toEqual({ ok: true, value: stored })
  })

  test('a UnionPay card number (62…, 16–19 digits) with one digit mistyped fails the Luhn check', () => {
    expect(parseBankAccountNumber('6222021234567890127')).toEqual({ ok: false, code: 'bank_account_checksum' })
    expect(parseBankAccountNumber('6228480012345672')).toEqual({ ok: false, code: 'bank_account_checksum' })
    // Two neighbouring digits swapped.
    expect(parseBankAccountNumber('6222021234568790128')).toEqual({ ok: false, code: 'bank_account_checksum' })
  })

  test('refuses what is not 12–30 digits, saying how many there are', () => {
    expect(parseBankAccountNumber('')).toEqual({ ok: false, code: 'bank_account_required' })
    expect(parseBankAccountNumber('   ')).toEqual({ ok: false, code: 'bank_account_required' })
    expect(parseBankAccountNumber('6222-0212-3456')).toEqual({ ok: false, code: 'bank_account_characters' })
    expect(parseBankAccountNumber('6222O21234567890128')).toEqual({ ok: false, code: 'bank_account_characters' })
    expect(parseBankAccountNumber('62220212345')).toEqual({ ok: false, code: 'bank_account_length', params: { length: 11 } })
    expect(parseBankAccountNumber('1'.repeat(31))).toEqual({ ok: false, code: 'bank_account_length', params: { length: 31 } })
  })

  test('while typing, only what is already certain is an error', () => {
    expect(bankAccountTypingProblem('6222 02')).toBeNull()
    expect(bankAccountTypingProblem('6222021234567890127'.slice(0, 16))).toBeNull() // may still grow to 19
    expect(bankAccountTypingProblem('6222 021x')).toEqual({ ok: false, code: 'bank_account_characters' })
    expect(bankAccountTypingProblem('6222021234567890127')).toEqual({ ok: false, code: 'bank_account_checksum' })
    expect(bankAccountTypingProblem('6222021234567890128')).toBeNull()
  })

  test('Luhn over every digit', () => {
    expect(luhnValid('79927398713')).toBe(true)
    expect(luhnValid('79927398710')).toBe(false)
  })

  test('masked: the first four and the last four digits only', () => {
    expect(maskBankAccountNumber('6222021234567890128')).toBe('6222 **** **** 0128')
    expect(maskBankAccountNumber('110928734561')).toBe('1109 **** **** 4561')
    expect(groupBankAccountNumber('6222021234567890128')).toBe('6222 0212 3456 7890 128')
  })

  test('the request schema gives the digits, and a Chinese message code for each problem', () => {
    const ok = payeeAccountCreateRequestSchema.safeParse({ holderName: '王小明', bankName: ' 中国工商银行  西安分行 ', accountNumber: '6222 0212 3456 7890 128' })
    expect(ok.success && ok.data).toEqual({ holderName: '王小明', bankName: '中国工商银行 西安分行', accountNumber: '6222021234567890128' })
    const bad = payeeAccountCreateRequestSchema.safeParse({ holderName: '王小明', bankName: '', accountNumber: '6222021234567890127' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['bankName', 'bank_name_required'], ['accountNumber', 'bank_account_checksum']])
  })
})
