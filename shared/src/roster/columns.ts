/** The roster layout (参保名单) from DOMAIN.md: Chinese headers, in this order. */
export const rosterColumns = [
  { key: 'seq', header: '序号' },
  { key: 'name', header: '姓名' },
  { key: 'sex', header: '性别' },
  { key: 'idNumber', header: '身份证号码' },
  { key: 'mobile', header: '手机号码' },
  { key: 'occupation', header: '职业类别' },
  { key: 'platform', header: '所在平台或单位' },
  { key: 'basicMedicalInsurance', header: '是否参加基本医保' },
  { key: 'products', header: '参保项目' },
  { key: 'shares', header: '份数' },
  { key: 'note', header: '备注' },
] as const

export type RosterColumnKey = (typeof rosterColumns)[number]['key']
export type RosterHeader = (typeof rosterColumns)[number]['header']

/** The column added to a roster sent back with its errors. */
export const ROSTER_ERROR_HEADER = '错误说明'

export const rosterHeaders: readonly string[] = rosterColumns.map((c) => c.header)

export function columnIndex(key: RosterColumnKey): number {
  return rosterColumns.findIndex((c) => c.key === key)
}

/** Spreadsheet column letter of a zero-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const r = (n - 1) % 26
    letters = String.fromCharCode(65 + r) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/**
 * Checks a header row. A roster sent back with an error column may be
 * re-uploaded as it is: a trailing 错误说明 column is allowed.
 */
export function headerMatches(cells: readonly unknown[]): boolean {
  const texts = cells.map((c) => (typeof c === 'string' ? c.trim() : c === null || c === undefined ? '' : String(c)))
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop()
  if (texts.length === rosterHeaders.length + 1 && texts[texts.length - 1] === ROSTER_ERROR_HEADER) texts.pop()
  return texts.length === rosterHeaders.length && texts.every((t, i) => t === rosterHeaders[i])
}
