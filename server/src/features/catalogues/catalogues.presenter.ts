import { enrolmentModes, type Catalogue, type CatalogueData, type CatalogueSummary } from '@huzhu/shared'

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
