import { endpoints, TRANSPARENCY_CACHE_SECONDS, transparencyPlanParamsSchema } from '@huzhu/shared'
import type { AppContext } from '../../http/context'
import { defineRoute } from '../../http/route'
import { transparencyIndex, transparencyPlan } from './transparency.service'

const tags = ['transparency']
const publicCache = (ctx: Pick<AppContext, 'set'>) => ctx.set('Cache-Control', `public, max-age=${TRANSPARENCY_CACHE_SECONDS}`)

export const getTransparencyIndex = defineRoute({
  endpoint: endpoints.transparency.getTransparencyIndex, tags, access: 'public',
  summary: 'Public, no login: the catalogues and plan years that have members, for the transparency page. Cached',
  responses: { 200: { description: 'The plans' } },
  async handler(ctx) {
    const { deps } = ctx
    ctx.body = await transparencyIndex(deps.readDb, deps.clock, deps.catalogues)
    publicCache(ctx)
  },
})

export const getTransparencyPlan = defineRoute({
  endpoint: endpoints.transparency.getTransparencyPlan, tags, access: 'public',
  summary: 'Public, no login: one catalogue\'s plan year: members covered, premiums collected, claims paid (count and amount), loss ratio, median working days to pay, and paid cases in groups of at least 5 people (kind, amount band, age band, city or province, days to pay); never a name, ID number or birth date. Cached (404 `transparency_plan_unknown`)',
  request: { params: transparencyPlanParamsSchema },
  responses: { 200: { description: 'The plan year\'s figures' } },
  errors: [404],
  async handler(ctx) {
    const { deps } = ctx
    const { catalogueId, planYear } = ctx.input.params
    ctx.body = await transparencyPlan(deps.readDb, deps.clock, deps.catalogues, catalogueId, planYear)
    publicCache(ctx)
  },
})

export const transparencyRoutes = [getTransparencyIndex, getTransparencyPlan]
