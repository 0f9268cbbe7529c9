import { checkRoster, errorsByRow, rosterHeaders, startRosterCheck, type RosterCell } from '..'
import { shaanxi, shanghai, withCheck } from '../../test/helpers'

const id1 = withCheck('61010219900101123') // male
const id2 = withCheck('61010219920304124') // female
const header = [...rosterHeaders]
const row = (over: Partial<Record<number, RosterCell>> = {}): RosterCell[] => {
  const cells: RosterCell[] = [1, '张三', '男', id1, '13812345678', '外卖员', '美团西安站', '是', 'A0,B0,C0', 1, '']
  for (const [i, v] of Object.entries(over)) cells[Number(i)] = v
  return cells
}
const ctx = { catalogue: shanghai(), today: '2026-11-24', acceptedOn: '2020-03-20' }

describe('roster check', () => {
  test('a clean roster: every row becomes a member with its selection', () => {
    const result = checkRoster([header, row(), row({ 1: '李四', 2: '女', 3: id2, 8: 'A0，A2、C1' })], ctx)
    expect(result).toMatchObject({ rowCount: 2, validCount: 2, errors: [] })
    expect(result.members[1]).toMatchObject({ row: 3, name: '李四', sex: 'F', selection: [{ code: 'A0', shares: 1 }, { code: 'A2', shares: 1 }, { code: 'C1', shares: 1 }] })
  })

  test('reports every bad cell with row (header = row 1), column and Chinese reason', () => {
    const result = checkRoster([
      header,
      row(),
      row({ 3: 610102199001011200 }), // ID stored as a number: digits lost
      row({ 2: '女' }), // sex does not match the ID number
      row({ 3: id2, 2: '女', 4: '12345', 5: '程序员', 7: '不知道', 8: 'A1' }),
    ], ctx)
    expect(result.rowCount).toBe(4)
    expect(result.validCount).toBe(1)
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '身份证号码', 'id_lost_digits'],
      [4, '性别', 'roster_sex_mismatch'],
      [5, '手机号码', 'mobile_invalid'],
      [5, '职业类别', 'roster_occupation_invalid'],
      [5, '是否参加基本医保', 'roster_insurance_invalid'],
      [5, '参保项目', 'basic_required'],
    ])
    expect(result.errors[0]!.message).toContain('设置为“文本”格式')
    expect(result.errors[1]).toMatchObject({ cell: 'C4', message: '性别与身份证号码不符（身份证显示为男）' })
  })

  test('the same ID number twice is reported on the later row', () => {
    const result = checkRoster([header, row(), row({ 1: '张三丰' })], ctx)
    expect(result.errors).toEqual([expect.objectContaining({ row: 3, code: 'roster_duplicate_id', message: '身份证号码与第 2 行重复' })])
  })

  test('a wrong header is refused before any row', () => {
    const result = checkRoster([['姓名', '身份证号码'], row()], ctx)
    expect(result.errors.map((e) => e.code)).toEqual(['roster_header_mismatch'])
  })

  test('a roster sent back with its error column can be uploaded again', () => {
    const result = checkRoster([[...header, '错误说明'], [...row(), '身份证号码：…']], ctx)
    expect(result.validCount).toBe(1)
  })

  test('blank rows are skipped; a roster of only blank rows is empty', () => {
    expect(checkRoster([header, [null, '', undefined]], ctx).errors.map((e) => e.code)).toEqual(['roster_empty'])
  })

  test('the Shaanxi plan by its product name, and its eligibility', () => {
    const sx = { catalogue: shaanxi(), today: '2026-11-24', acceptedOn: '2023-05-01' }
    const ok = checkRoster([header, row({ 8: '住院+意外' })], sx)
    expect(ok.members[0]?.selection).toEqual([{ code: 'ZY', shares: 1 }])
    const noInsurance = checkRoster([header, row({ 8: 'ZY', 7: '否' })], sx)
    expect(noInsurance.errors.map((e) => [e.column, e.code])).toEqual([['是否参加基本医保', 'no_basic_medical_insurance']])
    const twoShares = checkRoster([header, row({ 8: 'ZY', 9: 2 })], sx)
    expect(twoShares.errors.map((e) => [e.column, e.code])).toEqual([['份数', 'roster_shares_invalid']])
  })

  test('errors grouped by row for the 错误说明 column', () => {
    const result = checkRoster([header, row({ 4: '1', 5: 'x' })], ctx)
    expect(errorsByRow(result.errors).get(2)).toBe('手机号码：手机号码应为11位数字，以13至19开头；职业类别：职业类别应为：外卖员、快递员、网约车司机、货车司机、其他')
  })

  test('row by row (a streamed file) gives what the whole roster gives', () => {
    const rows = [header, row(), row({ 3: 610102199001011200 }), row({ 1: '张三丰' }), [], row({ 1: '李四', 2: '女', 3: id2 })]
    const whole = checkRoster(rows, ctx)
    const check = startRosterCheck(ctx)
    const members = rows.map((cells) => check.add(cells)).filter((m) => m !== undefined)
    expect({ ...check.finish(), members }).toEqual({ ...whole, stopped: false })
    const wrongHeader = startRosterCheck(ctx)
    wrongHeader.add(['姓名'])
    expect([wrongHeader.stopped, wrongHeader.add(row())]).toEqual([true, undefined])
    expect(wrongHeader.finish().errors.map((e) => e.code)).toEqual(['roster_header_mismatch'])
  })
})
