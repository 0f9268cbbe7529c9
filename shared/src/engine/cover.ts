import { benefitCategory, type Catalogue, type Product } from '../catalogue/catalogue'
import type { Benefit } from '../catalogue/schema'
import type { CivilDate } from '../dates/civil-date'
import type { EventKind } from '../domain'
import type { MessageParams, RefusalCode } from '../messages'
import type { Period } from './cover-dates'
import type { Quote } from './quote'
import type { SelectedProduct } from './selection'

/** An enrolment as the engine sees it: what is held, from when to when, and when each category starts paying. */
export interface Cover {
  catalogueId: string
  selection: SelectedProduct[]
  start: CivilDate
  end: CivilDate
  planYear: Period
  coverFrom: Record<string, CivilDate>
}

export function coverOfQuote(quote: Quote): Cover {
  return {
    catalogueId: quote.catalogueId,
    selection: quote.selection,
    start: quote.start,
    end: quote.end,
    planYear: quote.planYear,
    coverFrom: quote.coverFrom,
  }
}

export interface BlockedBenefit {
  benefit: Benefit
  refusal: RefusalCode
  params: MessageParams
}

/** One held product facing one event: which of its benefits may pay and which may not, and why. */
export interface ProductCover {
  product: Product
  shares: number
  payable: Benefit[]
  blocked: BlockedBenefit[]
}

/**
 * For one cover, each held product that has a benefit for this kind of event,
 * with the benefits that pay on `date` and those blocked (outside cover, or
 * within the waiting period of their category).
 */
export function productsFacingEvent(catalogue: Catalogue, cover: Cover, date: CivilDate, kind: EventKind): ProductCover[] {
  const result: ProductCover[] = []
  const inCover = date >= cover.start && date <= cover.end
  for (const item of cover.selection) {
    const product = catalogue.products.get(item.code)
    const benefits = product?.benefitsByEvent.get(kind)
    if (!product || !benefits) continue
    const entry: ProductCover = { product, shares: item.shares, payable: [], blocked: [] }
    for (const benefit of benefits) {
      const category = benefitCategory(product, benefit)
      const from = cover.coverFrom[category] ?? cover.start
      if (!inCover) {
        entry.blocked.push({ benefit, refusal: 'no_cover', params: { date, start: cover.start, end: cover.end } })
      } else if (date < from) {
        entry.blocked.push({
          benefit, refusal: 'waiting_period',
          params: { date, from, category: catalogue.categoryNames.get(category) ?? category },
        })
      } else {
        entry.payable.push(benefit)
      }
    }
    result.push(entry)
  }
  return result
}

export interface CoverCheck {
  covered: boolean
  products: { product: string; payable: string[]; blocked: { benefit: string; refusal: RefusalCode }[] }[]
}

/** Is an event of this kind on this date covered, and by which products and benefits? */
export function checkCover(catalogue: Catalogue, cover: Cover, date: CivilDate, kind: EventKind): CoverCheck {
  const products = productsFacingEvent(catalogue, cover, date, kind).map((p) => ({
    product: p.product.code,
    payable: p.payable.map((b) => b.id),
    blocked: p.blocked.map((b) => ({ benefit: b.benefit.id, refusal: b.refusal })),
  }))
  return { covered: products.some((p) => p.payable.length > 0), products }
}
