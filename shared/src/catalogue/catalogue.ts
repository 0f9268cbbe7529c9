import { z } from 'zod'
import type { EventKind } from '../domain'
import { isMessageCode, message } from '../messages'
import { catalogueDataSchema, type Benefit, type CatalogueData, type ProductData } from './schema'

/**
 * A catalogue checked by the schema and indexed for the engine. Build it once
 * per catalogue file (`loadCatalogue`) and pass it to every engine function.
 */
export interface Product extends ProductData {
  /** Categories this product's benefits wait on (product category first). */
  readonly benefitCategories: readonly string[]
  /** Benefits by the event kinds they pay for. */
  readonly benefitsByEvent: ReadonlyMap<EventKind, readonly Benefit[]>
}

export interface Catalogue {
  readonly data: CatalogueData
  readonly id: string
  readonly products: ReadonlyMap<string, Product>
  readonly categoryNames: ReadonlyMap<string, string>
  /** Codes of the basic products, in catalogue order. */
  readonly basicCodes: readonly string[]
}

export function benefitCategory(product: ProductData, benefit: Benefit): string {
  return benefit.category ?? product.category
}

export function benefitEvents(benefit: Benefit): readonly EventKind[] {
  return benefit.kind === 'percent_of_out_of_pocket' ? (Object.keys(benefit.rates) as EventKind[]) : benefit.events
}

function indexProduct(data: ProductData): Product {
  const benefitsByEvent = new Map<EventKind, Benefit[]>()
  const categories = [data.category]
  for (const benefit of data.benefits) {
    for (const event of benefitEvents(benefit)) {
      const list = benefitsByEvent.get(event) ?? []
      list.push(benefit)
      benefitsByEvent.set(event, list)
    }
    const category = benefitCategory(data, benefit)
    if (!categories.includes(category)) categories.push(category)
  }
  return { ...data, benefitCategories: categories, benefitsByEvent }
}

/** Indexes catalogue data that has already passed the schema. */
export function compileCatalogue(data: CatalogueData): Catalogue {
  return {
    data,
    id: data.id,
    products: new Map(data.products.map((p) => [p.code, indexProduct(p)])),
    categoryNames: new Map(data.categories.map((c) => [c.code, c.name])),
    basicCodes: data.products.filter((p) => p.tier === 'basic').map((p) => p.code),
  }
}

/** One problem of a catalogue file: where (`products.0.priceFen`; empty for the whole file) and what, in Chinese. */
export interface CatalogueIssue {
  path: string
  message: string
}

export type LoadCatalogueResult =
  | { ok: true; catalogue: Catalogue }
  | { ok: false; issues: CatalogueIssue[] }

const chineseIssues = z.locales.zhCN().localeError

/**
 * Checks raw catalogue data (a parsed JSON file) against the schema and indexes
 * it. Every problem is reported at its path with a Chinese message (zod's own in
 * its zh-CN wording, a message code of ours in its catalogue text), so an admin
 * can fix the file from the list.
 */
export function loadCatalogue(raw: unknown): LoadCatalogueResult {
  const parsed = catalogueDataSchema.safeParse(raw, { error: chineseIssues })
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: isMessageCode(i.message) ? message(i.message) : i.message,
      })),
    }
  }
  return { ok: true, catalogue: compileCatalogue(parsed.data) }
}

/** Like `loadCatalogue` but throws with every issue listed: for data shipped with the code. */
export function loadCatalogueOrThrow(raw: unknown, name = 'catalogue'): Catalogue {
  const result = loadCatalogue(raw)
  if (!result.ok) {
    throw new Error(`${name} does not match the catalogue schema:\n${result.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`)
  }
  return result.catalogue
}
