import { checkCharacter, isPaymentCode, newPaymentCode, PAYMENT_CODE_ALPHABET, paymentCodesIn } from './payment-code'

describe('payment codes (缴费识别码)', () => {
  test('HZ and 8 characters without 0, O, 1, I or L, the last a check character', () => {
    expect(PAYMENT_CODE_ALPHABET).toHaveLength(31)
    expect(PAYMENT_CODE_ALPHABET).not.toMatch(/[01OIL]/)
    for (let i = 0; i < 1000; i++) {
      const code = newPaymentCode()
      expect([code, /^HZ[2-9A-HJKMNP-Z]{8}$/.test(code), isPaymentCode(code)]).toEqual([code, true, true])
    }
    // Drawn from the random source it is given.
    let n = 0
    expect(newPaymentCode(() => n++ % 31)).toBe(`HZ2345678${checkCharacter('2345678')}`)
  })

  test('one character typed wrong, or two characters swapped, is never another code', () => {
    const accepted: string[] = []
    let tried = 0
    for (let k = 0; k < 500; k++) {
      const body = newPaymentCode().slice(2)
      const wrong = (chars: string[]) => {
        tried++
        if (isPaymentCode(`HZ${chars.join('')}`)) accepted.push(`HZ${body} → HZ${chars.join('')}`)
      }
      for (let i = 0; i < body.length; i++) {
        for (const c of PAYMENT_CODE_ALPHABET) if (c !== body[i]) wrong([...body.slice(0, i), c, ...body.slice(i + 1)])
        for (let j = i + 1; j < body.length; j++) {
          if (body[i] === body[j]) continue
          const chars = [...body]
          ;[chars[i], chars[j]] = [chars[j]!, chars[i]!]
          wrong(chars)
        }
      }
    }
    expect(tried).toBeGreaterThan(100_000)
    expect(accepted).toEqual([])
  })

  test('found in a memo as banks pass it on: lower case, spaces, hyphens, full width; each once; a wrong check character is not a code', () => {
    const a = newPaymentCode()
    const b = newPaymentCode()
    const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    expect(paymentCodesIn(`张三 保费 ${a}`)).toEqual([a])
    expect(paymentCodesIn(`${a.toLowerCase().slice(0, 6)} ${a.toLowerCase().slice(6)}张三`)).toEqual([a])
    expect(paymentCodesIn(`${a.slice(0, 2)}-${a.slice(2, 6)}-${a.slice(6)}`)).toEqual([a])
    expect(paymentCodesIn(fullWidth(a))).toEqual([a])
    expect(paymentCodesIn(`${a},${b};${a}`)).toEqual([a, b])
    const wrong = `${a.slice(0, 9)}${PAYMENT_CODE_ALPHABET[(PAYMENT_CODE_ALPHABET.indexOf(a[9]!) + 1) % 31]}`
    expect(paymentCodesIn(`转账 ${wrong}`)).toEqual([])
    expect(paymentCodesIn('工资 2026年11月')).toEqual([])
  })
})
