import { TRANSPARENCY_CACHE_SECONDS, transparencyIndexSchema, transparencyPaths, transparencyPlanParamsSchema, transparencyPlanSchema } from '@huzhu/shared'
import type { AppContext } from '../../http/context'
import { defineRoute } from '../../http/route'
import { transparencyIndex, transparencyPlan } from './transparency.service'

const tags = ['transparency']
const publicCache = (ctx: Pick<AppContext, 'set'>) => ctx.set('Cache-Control', `public, max-age=${TRANSPARENCY_CACHE_SECONDS}`)

export const getTransparencyIndex = defineRoute({
  method: 'get', path: transparencyPaths.index, operationId: 'getTransparencyIndex', tags, access: 'public',
  summary: 'Public, no login: the catalogues and plan years that have members, for the transparency page. Cached',
  responses: { 200: { description: 'The plans', schema: transparencyIndexSchema } },
  async handler(ctx) {
    const { deps } = ctx
    ctx.body = await transparencyIndex(deps.readDb, deps.clock, deps.catalogues)
    publicCache(ctx)
  },
})

export const getTransparencyPlan = defineRoute({
  method: 'get', path: transparencyPaths.plan, operationId: 'getTransparencyPlan', tags, access: 'public',
  summary: 'Public, no login: one catalogue\'s plan year: members covered, premiums collected, claims paid (count and amount), loss ratio, median working days to pay, and paid cases in groups of at least 5 people (kind, amount band, age band, city or province, days to pay); never a name, ID number or birth date. Cached (404 `transparency_plan_unknown`)',
  request: { params: transparencyPlanParamsSchema },
  responses: { 200: { description: 'The plan year\'s figures', schema: transparencyPlanSchema } },
  errors: [404],
  async handler(ctx) {
    const { deps } = ctx
    const { catalogueId, planYear } = ctx.input.params
    ctx.body = await transparencyPlan(deps.readDb, deps.clock, deps.catalogues, catalogueId, planYear)
    publicCache(ctx)
  },
})

export const transparencyRoutes = [getTransparencyIndex, getTransparencyPlan]
