import { idCheckCharacter, message, parseIdNumber } from '..'
import { withCheck } from '../../test/helpers'

const today = '2026-11-24'
const parse = (input: unknown) => parseIdNumber(input, today)
const code = (input: unknown) => {
  const r = parse(input)
  return r.ok ? 'ok' : r.code
}

describe('ID number (GB 11643-1999)', () => {
  const valid = withCheck('11010519491231002') // the standard's own example: 11010519491231002X

  test('the check character of the standard example is X', () => {
    expect(valid).toBe('11010519491231002X')
    expect(idCheckCharacter('44052418800101001')).toBe('4')
  })

  test('accepts a valid number and reads birth date and sex', () => {
    expect(parse(valid)).toEqual({ ok: true, value: { value: valid, birthDate: '1949-12-31', sex: 'F', kind: 'resident' } })
    const male = withCheck('61010219900101123')
    expect(parse(male)).toMatchObject({ ok: true, value: { sex: 'M', birthDate: '1990-01-01' } })
  })

  test('accepts a lower-case x and stores the canonical X', () => {
    expect(parse('11010519491231002x')).toMatchObject({ ok: true, value: { value: '11010519491231002X' } })
  })

  test('accepts full-width digits and spaces as typed on a Chinese keyboard', () => {
    expect(parse('１１０１０５ １９４９１２３１ ００２ｘ')).toMatchObject({ ok: true, value: { value: '11010519491231002X' } })
  })

  test("accepts a foreigner's permanent-residence number and Hong Kong, Macao, Taiwan residence permits", () => {
    expect(parse(withCheck('93310019850315002'))).toMatchObject({ ok: true, value: { kind: 'foreign_permanent_residence' } })
    expect(parse(withCheck('81000019800101004'))).toMatchObject({ ok: true, value: { kind: 'hk_macao_taiwan_residence' } })
    expect(parse(withCheck('83000019800101004'))).toMatchObject({ ok: true, value: { kind: 'hk_macao_taiwan_residence' } })
  })

  test('does not reject an unknown or abolished region code', () => {
    expect(code(withCheck('00000019800101004'))).toBe('ok')
  })

  test('refuses a wrong check character', () => {
    expect(code('110105194912310021')).toBe('id_checksum')
    expect(message('id_checksum')).toBe('身份证号码校验不通过，可能有一位输错了，请对照身份证逐位核对')
  })

  test('refuses a 15-digit first-generation number with its own message', () => {
    expect(code('110105491231002')).toBe('id_first_generation')
  })

  test('refuses a birth date that does not exist (19900230)', () => {
    const r = parse(withCheck('61010219900230123'))
    expect(r).toEqual({ ok: false, code: 'id_birth_date_invalid', params: { date: '1990-02-30' } })
  })

  test('refuses a birth date in the future', () => {
    expect(code(withCheck('61010220261125123'))).toBe('id_birth_date_future')
    expect(code(withCheck('61010220261124123'))).toBe('ok')
  })

  test('each refusal has its own Chinese message', () => {
    const codes = ['id_checksum', 'id_first_generation', 'id_birth_date_invalid', 'id_birth_date_future'] as const
    const texts = codes.map((c) => message(c, { date: '1990-02-30' }))
    expect(new Set(texts).size).toBe(codes.length)
    texts.forEach((t) => expect(t).toMatch(/[\u4e00-\u9fff]/))
  })

  test('refuses empty input, wrong length and stray characters', () => {
    expect(code('')).toBe('id_required')
    expect(code(undefined)).toBe('id_required')
    expect(code(12345)).toBe('id_required')
    expect(code('1101051949123100')).toBe('id_length')
    expect(code('11010519491231002A')).toBe('id_characters')
    expect(code('1101051949123100X2')).toBe('id_characters')
  })
})
