import type { Catalogue } from '../catalogue/catalogue'
import type { CivilDate } from '../dates/civil-date'
import type { SelectedProduct } from './selection'

export interface PremiumLine {
  /** A product code, or for a bundle discount the bundle's code. */
  product: string
  name: string
  kind: 'product' | 'bundle_discount'
  shares: number
  /** The line's amount: positive for a product, negative for a bundle discount. */
  premiumFen: number
}

export interface Proration {
  rateBp: number
  label: string
}

export interface Premium {
  premiumFen: number
  lines: PremiumLine[]
  /** Set when cover starting late in the plan year pays a share of the full premium. */
  proration: Proration | null
}

/** The proration step that applies to cover starting on `start`, or null for a full premium. */
export function prorationFor(catalogue: Catalogue, start: CivilDate): Proration | null {
  let found: Catalogue['data']['proration'][number] | undefined
  for (const step of catalogue.data.proration) {
    if (step.startFrom <= start) found = step
  }
  return found ? { rateBp: found.rateBp, label: found.label } : null
}

/**
 * The premium of a valid selection: each product's price × shares, less each
 * bundle discount (applied as often as every product in it is held), all
 * prorated by the same rate. The catalogue schema guarantees that every
 * prorated amount is whole fen, so the premium is exactly the sum of its lines
 * and exactly its share of the full premium.
 */
export function computePremium(catalogue: Catalogue, selection: readonly SelectedProduct[], start: CivilDate): Premium {
  const proration = prorationFor(catalogue, start)
  const rate = proration?.rateBp ?? 10_000
  const lines: PremiumLine[] = []
  for (const item of selection) {
    const product = catalogue.products.get(item.code)
    if (!product) continue
    lines.push({
      product: product.code, name: product.name, kind: 'product', shares: item.shares,
      premiumFen: (product.priceFen * item.shares * rate) / 10_000,
    })
  }

  const unbundled = new Map(selection.map((p) => [p.code, p.shares]))
  for (const bundle of catalogue.data.bundles) {
    const times = Math.min(...bundle.products.map((code) => unbundled.get(code) ?? 0))
    if (times <= 0) continue
    for (const code of bundle.products) unbundled.set(code, (unbundled.get(code) ?? 0) - times)
    const listFen = bundle.products.reduce((sum, code) => sum + (catalogue.products.get(code)?.priceFen ?? 0), 0)
    const discount = ((listFen - bundle.priceFen) * times * rate) / 10_000
    if (discount > 0) {
      lines.push({ product: bundle.code, name: bundle.name, kind: 'bundle_discount', shares: times, premiumFen: -discount })
    }
  }
  let premiumFen = 0
  for (const line of lines) premiumFen += line.premiumFen
  return { premiumFen, lines, proration }
}
