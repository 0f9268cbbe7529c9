import { messageSections, refusalReasons } from '.'

describe('message catalogue', () => {
  test('no code appears in two sections (a later one would silently replace the earlier text)', () => {
    const seen = new Map<string, string>()
    for (const [section, texts] of Object.entries(messageSections)) {
      for (const code of Object.keys(texts)) {
        expect(seen.get(code) ?? section).toBe(section)
        seen.set(code, section)
      }
    }
  })

  test('every message is Chinese text', () => {
    for (const texts of Object.values(messageSections)) {
      for (const text of Object.values(texts)) expect(text).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  test('refusal reasons have unique numbers', () => {
    const numbers = Object.values(refusalReasons).map((r) => r.number)
    expect(new Set(numbers).size).toBe(numbers.length)
  })
})
