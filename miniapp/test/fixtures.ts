import { builtInCatalogues, enrolmentModes, message, type Catalogue, type CatalogueSummary } from '@huzhu/shared'
import type { RequestHandler, RequestResult } from './taro-stub'

export const shanghai = builtInCatalogues().get('shanghai-2020')!
export const shaanxi = builtInCatalogues().get('shaanxi-gig-2023')!

/** What `GET /api/v1/catalogues` says about a catalogue (as the server presents it). */
export function summaryOf({ data }: Catalogue): CatalogueSummary {
  return {
    id: data.id,
    name: data.name,
    region: data.region,
    issuer: data.issuer,
    term: data.term,
    modes: enrolmentModes.filter((m) => data.modes[m] !== undefined),
    productCount: data.products.length,
    ...(data.illustrative !== undefined ? { illustrative: data.illustrative } : {}),
  }
}

export function errorResponse(statusCode: number, code: string, message: string): RequestResult {
  return { statusCode, data: { error: { code, message } } }
}

/** A server that answers the catalogue endpoints from the built-in catalogues. */
export function catalogueServer(catalogues: readonly Catalogue[] = [shanghai, shaanxi]): RequestHandler {
  return ({ url }) => {
    if (url === '/api/v1/catalogues') return { statusCode: 200, data: { catalogues: catalogues.map(summaryOf) } }
    const id = /^\/api\/v1\/catalogues\/([^/]+)$/.exec(url)?.[1]
    const found = catalogues.find((c) => c.id === id)
    if (found) return { statusCode: 200, data: JSON.parse(JSON.stringify(found.data)) as unknown }
    return errorResponse(404, 'unknown_catalogue', message('unknown_catalogue'))
  }
}
