import { checkRoster, rosterHeaders, toSelection, type RosterCell } from '..'
import { shanghai, withCheck } from '../../test/helpers'

/** DOMAIN.md rule 6 on roster rows: a row without products gets the unit's standing selection. */
const header = [...rosterHeaders]
const row = (products: string): RosterCell[] => [1, '张三', '男', withCheck('61010219900101123'), '13812345678', '外卖员', '美团西安站', '是', products, 1, '']
const base = { catalogue: shanghai(), today: '2026-11-24', acceptedOn: '2020-03-20' }
const standing = toSelection(['A0', 'B0', 'C0'])

describe('a roster and the unit’s standing selection', () => {
  test('a row that leaves 参保项目 blank gets the unit’s selection', () => {
    const result = checkRoster([header, row('')], { ...base, unitSelection: standing })
    expect(result.errors).toEqual([])
    expect(result.members[0]!.selection).toEqual(standing)
  })

  test('without a standing selection a blank 参保项目 is still an error', () => {
    expect(checkRoster([header, row('')], base).errors.map((e) => e.code)).toEqual(['roster_products_required'])
    expect(checkRoster([header, row('')], { ...base, unitSelection: [] }).errors.map((e) => e.code)).toEqual(['roster_products_required'])
  })

  test('a row may still name its own products', () => {
    const result = checkRoster([header, row('A0,A2,C1')], { ...base, unitSelection: standing })
    expect(result.errors).toEqual([])
    expect(result.members[0]!.selection.map((p) => p.code)).toEqual(['A0', 'A2', 'C1'])
  })
})
