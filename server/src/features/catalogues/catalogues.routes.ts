import { catalogueResponseSchema, endpoints } from '@huzhu/shared'
import { z } from 'zod'
import { notFound } from '../../http/errors'
import { defineRoute } from '../../http/route'
import { presentCatalogue, presentCatalogueSummary } from './catalogues.presenter'

const tags = ['catalogues']

export const listCatalogues = defineRoute({
  endpoint: endpoints.catalogues.listCatalogues, tags, access: 'public',
  summary: 'The plan catalogues on offer',
  responses: { 200: { description: 'Catalogues' } },
  handler(ctx) {
    ctx.body = { catalogues: ctx.deps.catalogues.list().map(presentCatalogueSummary) }
  },
})

export const getCatalogue = defineRoute({
  endpoint: endpoints.catalogues.getCatalogue, tags, access: 'public',
  summary: 'One catalogue in full (products, prices, benefits, rules), for the shared engine on the client',
  request: { params: z.object({ catalogueId: z.string().min(1).max(60) }) },
  responses: { 200: { description: 'The catalogue data', schema: catalogueResponseSchema } },
  errors: [404],
  handler(ctx) {
    const catalogue = ctx.deps.catalogues.get(ctx.input.params.catalogueId)
    if (!catalogue) throw notFound('unknown_catalogue')
    ctx.body = presentCatalogue(catalogue)
  },
})

export const catalogueRoutes = [listCatalogues, getCatalogue]
