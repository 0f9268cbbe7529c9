export { errorMessage } from './errors'
export { clearCatalogueCache, fetchCatalogueSummaries, getCatalogue } from './catalogues'
