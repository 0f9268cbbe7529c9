import type { Catalogue } from '../catalogue/catalogue'
import { violation, type RuleViolation } from './violations'

export interface SelectedProduct {
  code: string
  shares: number
}

/** `["A0", "B0", "A0"]` → A0 × 2, B0 × 1: a repeated code is another share. Order of first mention is kept. */
export function toSelection(codes: readonly string[]): SelectedProduct[] {
  if (codes.length > SMALL_SELECTION) {
    const shares = new Map<string, number>()
    for (const code of codes) shares.set(code, (shares.get(code) ?? 0) + 1)
    return Array.from(shares, ([code, n]) => ({ code, shares: n }))
  }
  // A quote's handful of codes: a scan of the few items so far is cheaper than a Map (this runs on every quote).
  const selection: SelectedProduct[] = []
  for (const code of codes) {
    let i = 0
    while (i < selection.length && selection[i]!.code !== code) i++
    if (i < selection.length) selection[i]!.shares++
    else selection.push({ code, shares: 1 })
  }
  return selection
}

/** Up to this many codes `toSelection` scans instead of hashing. */
const SMALL_SELECTION = 16

/** The inverse of `toSelection`. */
export function toCodes(selection: readonly SelectedProduct[]): string[] {
  return selection.flatMap((p) => Array<string>(p.shares).fill(p.code))
}

export function describeSelection(selection: readonly SelectedProduct[]): string {
  return selection.map((p) => (p.shares > 1 ? `${p.code}×${p.shares}` : p.code)).join('、')
}

function sameSelection(a: readonly SelectedProduct[], b: readonly SelectedProduct[]): boolean {
  if (a.length !== b.length) return false
  const shares = new Map(b.map((p) => [p.code, p.shares]))
  return a.every((p) => shares.get(p.code) === p.shares)
}

export interface SelectionOptions {
  /** A member joining a unit after its collective enrolment gets exactly the unit's selection. */
  unitSelection?: readonly SelectedProduct[]
}

/**
 * Every selection rule the catalogue sets, checked at once: each violation
 * names its rule and product, in Chinese. An empty list means the selection is valid.
 */
export function checkSelection(
  catalogue: Catalogue,
  selection: readonly SelectedProduct[],
  options: SelectionOptions = {},
): RuleViolation[] {
  if (selection.length === 0) return [violation('selection_empty', null)]
  const found: RuleViolation[] = []
  const known = []
  for (const item of selection) {
    const product = catalogue.products.get(item.code)
    if (!product) found.push(violation('unknown_product', item.code, { product: item.code }))
    else known.push({ product, shares: item.shares })
  }

  for (const { product, shares } of known) {
    if (shares > product.maxShares) {
      found.push(violation('max_shares', product.code, { product: product.code, name: product.name, max: product.maxShares }))
    }
  }

  for (const { product } of known) {
    if (product.riderOf !== undefined && !selection.some((p) => p.code === product.riderOf)) {
      const main = catalogue.products.get(product.riderOf)
      found.push(violation('rider_without_main', product.code, {
        product: product.code, name: product.name, main: product.riderOf, mainName: main?.name ?? '',
      }))
    }
  }

  const basics = catalogue.basicCodes
  let hasBasic = false
  let enhanced = 0
  for (const { product } of known) {
    if (product.tier === 'basic') hasBasic = true
    else if (product.tier === 'enhanced') enhanced++
  }
  if (basics.length > 0 && !hasBasic) {
    for (const { product } of known) {
      if (product.tier === 'enhanced') {
        found.push(violation('basic_required', product.code, { product: product.code, name: product.name, basics: basics.join('、') }))
      }
    }
  }

  // A category can hold more enhanced products than allowed only if the whole selection does.
  const max = catalogue.data.selection.maxEnhancedPerCategory
  const enhancedByCategory = new Map<string, string[]>()
  for (const { product } of enhanced > max ? known : []) {
    if (product.tier !== 'enhanced') continue
    const codes = enhancedByCategory.get(product.category) ?? []
    codes.push(product.code)
    enhancedByCategory.set(product.category, codes)
  }
  for (const [category, codes] of enhancedByCategory) {
    if (codes.length > max) {
      for (const code of codes.slice(max)) {
        found.push(violation('one_enhanced_per_category', code, {
          category: catalogue.categoryNames.get(category) ?? category, products: codes.join('、'),
        }))
      }
    }
  }

  if (options.unitSelection && !sameSelection(selection, options.unitSelection)) {
    found.push(violation('unit_selection_mismatch', null, { expected: describeSelection(options.unitSelection) }))
  }
  return found
}
