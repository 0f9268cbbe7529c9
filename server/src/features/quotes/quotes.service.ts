import {
  computePayout, coverOfQuote, quote, toSelection,
  type Catalogue, type Payout, type PayoutEstimateRequest, type Quote, type QuoteRequestBody,
} from '@huzhu/shared'
import { AppError } from '../../http/errors'
import type { CatalogueStore } from '../catalogues/catalogue-store'

function catalogueFor(catalogues: CatalogueStore, id: string): Catalogue {
  const catalogue = catalogues.get(id)
  if (!catalogue) throw new AppError(422, 'unknown_catalogue', { details: [{ path: 'catalogueId', code: 'unknown_catalogue' }] })
  return catalogue
}

/** Quotes a selection, or a 422 `selection_invalid` naming every broken rule and its product. */
export function quoteSelection(catalogues: CatalogueStore, body: QuoteRequestBody): { catalogue: Catalogue; quote: Quote } {
  const catalogue = catalogueFor(catalogues, body.catalogueId)
  const result = quote(catalogue, { selection: toSelection(body.products), mode: body.mode, acceptedOn: body.acceptedOn })
  if (!result.ok) {
    throw new AppError(422, 'selection_invalid', { details: result.violations.map((v) => ({ rule: v.rule, product: v.product, message: v.message })) })
  }
  return { catalogue, quote: result.value }
}

/**
 * 理赔试算: quotes the selection, then pays the event from that one cover. An
 * event outside cover or in a waiting period pays 0 with a line saying why.
 */
export function estimatePayout(catalogues: CatalogueStore, body: PayoutEstimateRequest): Payout {
  const { catalogue, quote: q } = quoteSelection(catalogues, body)
  return computePayout(catalogue, { covers: [coverOfQuote(q)], sex: body.sex, event: body.event })
}
