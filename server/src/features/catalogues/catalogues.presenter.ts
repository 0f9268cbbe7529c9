import { enrolmentModes, type Catalogue, type CatalogueData, type CatalogueRecord, type CatalogueSummary } from '@huzhu/shared'
import type { StoredCatalogue } from './catalogue-store'

export function presentCatalogueSummary(catalogue: Catalogue): CatalogueSummary {
  const { data } = catalogue
  return {
    id: data.id,
    name: data.name,
    region: data.region,
    issuer: data.issuer,
    ...(data.source !== undefined ? { source: data.source } : {}),
    ...(data.illustrative !== undefined ? { illustrative: data.illustrative } : {}),
    term: data.term,
    modes: enrolmentModes.filter((m) => data.modes[m] !== undefined),
    productCount: data.products.length,
  }
}

/** The catalogue data as checked by the schema: what `loadCatalogue` takes on the client. */
export function presentCatalogue(catalogue: Catalogue): CatalogueData {
  return catalogue.data
}

/** A catalogue as the admin manages it: where it comes from, its version, successor, closing and use. */
export function presentCatalogueRecord(stored: StoredCatalogue, inUse: boolean): CatalogueRecord {
  const { catalogue, origin, row } = stored
  const { data } = catalogue
  return {
    id: data.id,
    name: data.name,
    region: data.region,
    term: data.term,
    origin,
    version: row?.published_version ?? null,
    publishedAt: row?.published_at ?? null,
    successor: data.successor ?? null,
    closedOn: row?.closed_on ?? null,
    inUse,
    twoUnitsAtOnce: data.twoUnitsAtOnce,
    changeable: origin === 'published' && !inUse,
  }
}
