import { endpoints, loadCatalogue, ui, type Catalogue, type CatalogueSummary } from '@huzhu/shared'
import { call } from './call'
import type { Decoder } from './client'

/** `GET /api/v1/catalogues`: the plans on offer. */
export async function fetchCatalogueSummaries(): Promise<CatalogueSummary[]> {
  const body = await call(endpoints.catalogues.listCatalogues)
  return body.catalogues
}

/** The catalogue data, checked by the shared schema and indexed for the engine. */
const catalogueDecoder: Decoder<Catalogue> = (body) => {
  const loaded = loadCatalogue(body)
  return loaded.ok ? { ok: true, value: loaded.catalogue } : { ok: false, message: ui.plans.catalogueInvalid }
}

/**
 * `GET /api/v1/catalogues/:id`: one catalogue in full, ready for the shared engine. Screens load it through
 * the data cache (`useLoad(getCatalogue, [id], { keep: true })`): kept for the session once loaded, so the
 * next screens need no second request on a weak network; a failed load is not kept.
 */
export function getCatalogue(id: string): Promise<Catalogue> {
  return call(endpoints.catalogues.getCatalogue, { params: { catalogueId: id }, decode: catalogueDecoder })
}
