import type { Catalogue } from '../catalogue/catalogue'
import type { CivilDate } from '../dates/civil-date'
import { occupations, type Occupation, type Sex } from '../domain'
import { checkEligibility } from '../engine/eligibility'
import { checkSelection, type SelectedProduct } from '../engine/selection'
import { parseIdNumber, type IdNumber } from '../identity/id-number'
import { parseMobile } from '../identity/mobile'
import { message, occupationLabels, sexLabels, type MessageCode, type MessageParams } from '../messages'
import { toHalfWidth } from '../text'
import { columnIndex, columnLetter, rosterColumns, type RosterColumnKey } from './columns'

/** A cell as a spreadsheet reader gives it. */
export type RosterCell = string | number | boolean | Date | null | undefined

export interface RosterError {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number
  /** The column's header, e.g. 身份证号码. */
  column: string
  /** The cell's address, e.g. D5. */
  cell: string
  code: string
  message: string
}

export interface RosterMember {
  row: number
  name: string
  sex: Sex
  idNumber: IdNumber
  mobile: string
  occupation: Occupation
  platform: string
  basicMedicalInsurance: boolean
  selection: SelectedProduct[]
  note: string
}

export type RosterRowResult = { ok: true; member: RosterMember } | { ok: false; errors: RosterError[] }

export interface RosterContext {
  catalogue: Catalogue
  /** Today in China: bounds birth dates. */
  today: CivilDate
  /** The day the roster is accepted: ages are counted on it. */
  acceptedOn: CivilDate
  /** The unit's standing selection in this catalogue (DOMAIN.md rule 6): a row that leaves 参保项目 blank gets it. */
  unitSelection?: readonly SelectedProduct[]
}

const occupationByLabel = new Map<string, Occupation>(occupations.map((o) => [occupationLabels[o], o]))

export function cellText(cell: RosterCell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return toHalfWidth(String(cell)).trim()
}

export function isBlankRow(cells: readonly RosterCell[]): boolean {
  return cells.every((c) => cellText(c) === '')
}

/** Splits "A0,B0，C0、C1" or "住院+意外" into product codes; null for a name or code the catalogue does not have. */
function parseProducts(text: string, catalogue: Catalogue): { codes: string[]; unknown: string[] } {
  const byName = new Map([...catalogue.products.values()].map((p) => [p.name, p.code]))
  const byCode = new Map([...catalogue.products.keys()].map((code) => [code.toUpperCase(), code]))
  const codes: string[] = []
  const unknown: string[] = []
  const whole = byName.get(text)
  for (const part of whole ? [text] : text.split(/[,，、;；\s]+/).filter(Boolean)) {
    const code = byName.get(part) ?? byCode.get(part.toUpperCase())
    if (code) codes.push(code)
    else unknown.push(part)
  }
  return { codes, unknown }
}

/**
 * Checks one data row of a roster against the catalogue: every cell, the sex
 * against the ID number, the selection rules and eligibility. Every problem is
 * reported with its row, column and a Chinese reason; nothing stops at the first.
 */
export function checkRosterRow(cells: readonly RosterCell[], row: number, ctx: RosterContext): RosterRowResult {
  const errors: RosterError[] = []
  const at = (key: RosterColumnKey) => cells[columnIndex(key)]
  const text = (key: RosterColumnKey) => cellText(at(key))
  const fail = (key: RosterColumnKey, code: MessageCode | string, params?: MessageParams, text?: string) => {
    const index = columnIndex(key)
    errors.push({
      row, column: rosterColumns[index]!.header, cell: `${columnLetter(index)}${row}`, code,
      message: text ?? message(code as MessageCode, params),
    })
  }

  const name = text('name').replace(/\s+/g, ' ')
  if (name === '') fail('name', 'name_required')
  else if (!/^[\p{Script=Han}A-Za-z·•.\- ]{2,30}$/u.test(name)) fail('name', 'name_invalid')

  let idNumber: IdNumber | undefined
  const idCell = at('idNumber')
  if (typeof idCell === 'number') fail('idNumber', 'id_lost_digits')
  else {
    const parsed = parseIdNumber(cellText(idCell), ctx.today)
    if (parsed.ok) idNumber = parsed.value
    else fail('idNumber', parsed.code, parsed.params)
  }

  const sexText = text('sex')
  const sex: Sex | undefined = sexText === '男' ? 'M' : sexText === '女' ? 'F' : undefined
  if (!sex) fail('sex', 'roster_sex_invalid')
  else if (idNumber && idNumber.sex !== sex) fail('sex', 'roster_sex_mismatch', { expected: sexLabels[idNumber.sex] })

  const mobile = parseMobile(text('mobile'))
  if (!mobile.ok) fail('mobile', mobile.code)

  const occupation = occupationByLabel.get(text('occupation'))
  if (!occupation) fail('occupation', 'roster_occupation_invalid', { allowed: occupations.map((o) => occupationLabels[o]).join('、') })

  const platform = text('platform')
  if (platform === '') fail('platform', 'roster_platform_required')

  const insuranceText = text('basicMedicalInsurance')
  const basicMedicalInsurance = insuranceText === '是' ? true : insuranceText === '否' ? false : undefined
  if (basicMedicalInsurance === undefined) fail('basicMedicalInsurance', 'roster_insurance_invalid')

  const maxShares = Math.max(...[...ctx.catalogue.products.values()].map((p) => p.maxShares))
  const sharesText = text('shares')
  const sharesValue = sharesText === '' ? 1 : Number(sharesText)
  const sharesOk = Number.isInteger(sharesValue) && sharesValue >= 1 && sharesValue <= maxShares
  if (!sharesOk) fail('shares', 'roster_shares_invalid', { max: maxShares })
  const shares = sharesOk ? sharesValue : 1

  const productsText = text('products')
  let selection: SelectedProduct[] = []
  if (productsText === '' && ctx.unitSelection && ctx.unitSelection.length > 0) {
    selection = [...ctx.unitSelection]
  } else if (productsText === '') {
    fail('products', 'roster_products_required', { example: [...ctx.catalogue.products.keys()].slice(0, 3).join(',') })
  } else {
    const { codes, unknown } = parseProducts(productsText, ctx.catalogue)
    for (const value of unknown) {
      fail('products', 'roster_product_unknown', { value, allowed: [...ctx.catalogue.products.keys()].join('、') })
    }
    if (unknown.length === 0) {
      selection = [...new Set(codes)].map((code) => ({ code, shares }))
      for (const v of checkSelection(ctx.catalogue, selection)) fail(v.rule === 'max_shares' ? 'shares' : 'products', v.rule, undefined, v.message)
    }
  }

  if (idNumber && occupation && basicMedicalInsurance !== undefined) {
    const applicant = { unionMember: true, basicMedicalInsurance, occupation, birthDate: idNumber.birthDate }
    for (const v of checkEligibility(ctx.catalogue, applicant, ctx.acceptedOn)) {
      const key: RosterColumnKey = v.rule === 'no_basic_medical_insurance' ? 'basicMedicalInsurance'
        : v.rule === 'occupation_not_eligible' ? 'occupation' : 'idNumber'
      fail(key, v.rule, undefined, v.message)
    }
  }

  if (errors.length > 0 || !idNumber || !sex || !mobile.ok || !occupation || basicMedicalInsurance === undefined) {
    return { ok: false, errors }
  }
  return {
    ok: true,
    member: {
      row, name, sex, idNumber, mobile: mobile.value, occupation, platform, basicMedicalInsurance,
      selection, note: text('note'),
    },
  }
}
