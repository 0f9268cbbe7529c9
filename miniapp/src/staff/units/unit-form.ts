import {
  checkSelection, checkUnitFunding, formatFen, message, parseCreditCode, parseRegionCode, parseYuan, toSelection, unitsUi,
  type Catalogue, type FundingSource, type Occupation, type UnitDetail, type UnitFundingSplit, type UnitRecordInput,
} from '@huzhu/shared'

/**
 * The unit form's values as typed, and the same checks the server makes (the
 * shared checkers), so a wrong credit code or a split that does not add up is
 * said before anything is sent.
 */
export interface UnitFormValues {
  name: string
  creditCode: string
  regionCode: string
  industry: Occupation | null
  headcount: string
  catalogueId: string | null
  products: string[]
  fundingSource: FundingSource
  /** Each payer's share in yuan, as typed. */
  split: { union: string; unit: string; member: string }
}

export type UnitFormField = 'name' | 'creditCode' | 'regionCode' | 'headcount' | 'products' | 'fundingSplit'

export interface UnitFormProblem {
  field: UnitFormField
  message: string
}

const yuanText = (fen: number) => formatFen(fen).replace(/,/g, '')

export function formValuesOf(unit: UnitDetail | null): UnitFormValues {
  const split = unit?.fundingSplit ?? null
  return {
    name: unit?.name ?? '',
    creditCode: unit?.creditCode ?? '',
    regionCode: unit?.regionCode ?? '',
    industry: unit?.industry ?? null,
    headcount: unit?.unionMemberHeadcount === null || unit?.unionMemberHeadcount === undefined ? '' : String(unit.unionMemberHeadcount),
    catalogueId: unit?.catalogueId ?? null,
    products: unit?.products ?? [],
    fundingSource: unit?.fundingSource ?? 'unit',
    split: split ? { union: yuanText(split.unionFen), unit: yuanText(split.unitFen), member: yuanText(split.memberFen) } : { union: '', unit: '', member: '' },
  }
}

/** The split as fen (a blank share is 0), or null when a share is not an amount. */
function splitOf(values: UnitFormValues): UnitFundingSplit | null {
  const fen = (text: string) => (text.trim() === '' ? 0 : parseYuan(text))
  const [unionFen, unitFen, memberFen] = [fen(values.split.union), fen(values.split.unit), fen(values.split.member)]
  if (unionFen === null || unitFen === null || memberFen === null) return null
  return { unionFen, unitFen, memberFen }
}

/**
 * Every problem of the form, by field, with the server's Chinese text; and the
 * record to send when there is none. `catalogue` is the chosen catalogue once
 * loaded (the selection and the split are checked against it).
 */
export function checkUnitForm(values: UnitFormValues, catalogue: Catalogue | null): { problems: UnitFormProblem[]; record: UnitRecordInput | null } {
  const problems: UnitFormProblem[] = []
  const problem = (field: UnitFormField, text: string) => problems.push({ field, message: text })

  const name = values.name.trim()
  if (name === '') problem('name', unitsUi.nameRequired)

  let creditCode: string | null = null
  if (values.creditCode.trim() !== '') {
    const parsed = parseCreditCode(values.creditCode)
    if (parsed.ok) creditCode = parsed.value
    else problem('creditCode', message(parsed.code, parsed.params))
  }

  let regionCode: string | null = null
  if (values.regionCode.trim() !== '') {
    const parsed = parseRegionCode(values.regionCode)
    if (parsed.ok) regionCode = parsed.value.code
    else problem('regionCode', message(parsed.code, parsed.params))
  }

  let headcount: number | null = null
  if (values.headcount.trim() !== '') {
    const digits = values.headcount.trim()
    if (/^\d{1,8}$/.test(digits) && Number(digits) <= 10_000_000) headcount = Number(digits)
    else problem('headcount', unitsUi.headcountInvalid)
  }

  const chosen = catalogue !== null && catalogue.id === values.catalogueId ? catalogue : null
  if (values.catalogueId === null && values.products.length > 0) problem('products', message('unit_catalogue_required'))
  if (chosen && values.products.length > 0) {
    for (const v of checkSelection(chosen, toSelection(values.products))) problem('products', v.message)
  }

  let split: UnitFundingSplit | null = null
  if (values.fundingSource === 'split') {
    split = splitOf(values)
    if (split === null) problem('fundingSplit', unitsUi.split.amountInvalid)
  }
  // The split adds up against the chosen catalogue once it is loaded (until then the server checks it).
  const catalogueLoading = values.catalogueId !== null && chosen === null
  const splitUnreadable = values.fundingSource === 'split' && split === null
  if (!catalogueLoading && !splitUnreadable) {
    const funding = checkUnitFunding(chosen, values.products, values.fundingSource, split)
    if (funding) problem('fundingSplit', message(funding.code, funding.params))
  }

  if (problems.length > 0) return { problems, record: null }
  return {
    problems,
    record: {
      name, creditCode, regionCode, industry: values.industry, unionMemberHeadcount: headcount,
      catalogueId: values.catalogueId, products: values.products, fundingSource: values.fundingSource, fundingSplit: split,
    },
  }
}
