import { creditCodeCheckCharacter, message, parseCreditCode } from '..'

const code = (input: unknown) => {
  const r = parseCreditCode(input)
  return r.ok ? 'ok' : r.code
}

/** Codes printed on real registration certificates (business licences, a public institution). */
const realCodes = [
  '91440300708461136T', // 腾讯科技（深圳）有限公司
  '914403001922038216', // 华为技术有限公司
  '91330100716105852F', // 阿里巴巴（中国）有限公司
  '91110000802100433B', // 北京百度网讯科技有限公司
  '91110108551385082Q', // 小米科技有限责任公司
  '12100000400000624D', // a central public institution (事业单位, authority 1, category 2)
]

describe('unified social credit code (GB 32100-2015)', () => {
  test.each(realCodes)('accepts the real code %s', (value) => {
    expect(parseCreditCode(value)).toEqual({ ok: true, value })
  })

  test('the check character of each real code is computed from its first 17 (weights 3^i mod 31)', () => {
    for (const value of realCodes) expect(creditCodeCheckCharacter(value.slice(0, 17))).toBe(value[17])
  })

  test('a sum that is already a multiple of 31 gives the check character 0, not a 32nd character', () => {
    // 17 zeros weigh nothing: 31 − 0 is 31, read as 0.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0')
    expect(code('000000000000000000')).toBe('ok')
  })

  test('refuses a wrong check character', () => {
    expect(code('91440300708461136X')).toBe('credit_code_checksum')
    expect(code('914403001922038217')).toBe('credit_code_checksum')
  })

  test('refuses one character typed wrong, and two neighbours swapped', () => {
    expect(code('91440300708461137T')).toBe('credit_code_checksum')
    expect(code('91440300078461136T')).toBe('credit_code_checksum')
  })

  test('accepts lower case, full-width characters, spaces and dashes as typed, and keeps the canonical form', () => {
    expect(parseCreditCode(' 9144 0300 7084 6113 6t ')).toEqual({ ok: true, value: '91440300708461136T' })
    expect(parseCreditCode('９１４４０３００７０８４６１１３６Ｔ')).toEqual({ ok: true, value: '91440300708461136T' })
    expect(parseCreditCode('914403-00708461136T')).toEqual({ ok: true, value: '91440300708461136T' })
  })

  test('refuses the letters the code never uses (I, O, S, V, Z), naming the position', () => {
    const typedO = parseCreditCode('9144O300708461136T')
    expect(typedO).toEqual({ ok: false, code: 'credit_code_characters', params: { position: 5, char: 'O' } })
    if (!typedO.ok) expect(message(typedO.code, typedO.params)).toBe('统一社会信用代码第5位“O”不对：代码只用数字和大写字母，不用 I、O、S、V、Z')
    for (const letter of ['I', 'S', 'V', 'Z']) expect(code(`9144030070846113${letter}T`)).toBe('credit_code_characters')
  })

  test('refuses a wrong length, an old 9-character organisation code among them', () => {
    expect(parseCreditCode('70846113-6')).toEqual({ ok: false, code: 'credit_code_length', params: { length: 9 } })
    expect(parseCreditCode('91440300708461136T1')).toEqual({ ok: false, code: 'credit_code_length', params: { length: 19 } })
  })

  test('a blank or missing code is its own error', () => {
    expect(code('')).toBe('credit_code_required')
    expect(code('   ')).toBe('credit_code_required')
    expect(code(undefined)).toBe('credit_code_required')
    expect(code(914403)).toBe('credit_code_required') // a spreadsheet cell holding a number
  })

  test('every error has Chinese text', () => {
    expect(message('credit_code_checksum')).toMatch(/校验不通过/)
    expect(message('credit_code_length', { length: 17 })).toBe('统一社会信用代码应为18位，现在是17位')
  })
})
