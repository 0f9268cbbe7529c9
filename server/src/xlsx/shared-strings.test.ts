import { SharedStringTable } from './shared-strings'

test('the packed table gives back every string as pushed, across its blocks of 1,024', () => {
  const strings = Array.from({ length: 3_000 }, (_, i) => (i % 7 === 0 ? '' : `${'张三'.repeat(i % 5)}${i}`))
  const table = new SharedStringTable()
  for (const s of strings) table.push(s)
  table.finish()
  expect(table.size).toBe(3_000)
  expect(strings.map((_, i) => table.get(i))).toEqual(strings)
  for (const outside of [-1, 3_000, 1.5, NaN]) expect(table.get(outside)).toBeUndefined()
})
