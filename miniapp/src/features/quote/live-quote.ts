import { quote, toSelection, type Catalogue, type CivilDate, type Quote, type RuleViolation } from '@huzhu/shared'

/** The quote of what is ticked, as the screens show it: the quote, or its violations sorted by where they are shown. */
export interface LiveQuote {
  /** Set when the selection can be enrolled as of `acceptedOn`. */
  quote: Quote | null
  /** Violations that concern one product, shown at that product. */
  byProduct: ReadonlyMap<string, readonly RuleViolation[]>
  /** Violations of the whole selection or the dates, shown at the top. "Nothing ticked" is not one of them. */
  general: readonly RuleViolation[]
  isEmpty: boolean
}

/**
 * Quotes the ticked products with the shared engine exactly as the server
 * will: instant enrolment (即时参保) accepted on `acceptedOn`.
 */
export function liveQuote(catalogue: Catalogue, codes: readonly string[], acceptedOn: CivilDate): LiveQuote {
  const result = quote(catalogue, { selection: toSelection(codes), mode: 'instant', acceptedOn })
  const isEmpty = codes.length === 0
  if (result.ok) return { quote: result.value, byProduct: new Map(), general: [], isEmpty }

  const byProduct = new Map<string, RuleViolation[]>()
  const general: RuleViolation[] = []
  for (const violation of result.violations) {
    if (violation.product === null) {
      if (violation.rule !== 'selection_empty') general.push(violation)
      continue
    }
    byProduct.set(violation.product, [...(byProduct.get(violation.product) ?? []), violation])
  }
  return { quote: null, byProduct, general, isEmpty }
}
