import { maskBirthDate, maskIdNumber, maskMobile, maskName, parseMobile } from '..'

describe('mobile numbers', () => {
  test.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['８６１３８１２３４５６７８', '13812345678'],
  ])('accepts %s as %s', (input, stored) => {
    expect(parseMobile(input)).toEqual({ ok: true, value: stored })
  })

  test.each(['12812345678', '1381234567', '138123456789', '+1 415 555 0100', 'abc'])('refuses %s', (input) => {
    expect(parseMobile(input)).toEqual({ ok: false, code: 'mobile_invalid' })
  })

  test('an empty number is missing, not invalid', () => {
    expect(parseMobile('  ')).toEqual({ ok: false, code: 'mobile_required' })
  })
})

describe('masks', () => {
  test('ID numbers show the first four and last four characters', () => {
    expect(maskIdNumber('610102199001011234')).toBe('6101**********1234')
  })
  test('a birth date beside a masked ID number keeps its year only', () => {
    expect(maskBirthDate('1990-01-01')).toBe('1990-**-**')
  })
  test('mobile numbers show the first three and last four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
  })
  test('names keep the family name', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧***')
  })
})
