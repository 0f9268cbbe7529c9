import { endpoints } from '@huzhu/shared'
import { todayInChina } from '../../clock'
import { defineRoute } from '../../http/route'
import { auditActorOf } from '../audit/audit.service'
import { catalogueRecords, closeCatalogue, previewCatalogueFile, publishCatalogue, setCatalogueSuccessor } from './catalogue-admin.service'
import { presentCatalogueRecord } from './catalogues.presenter'
import { catalogueInUse } from './catalogues.repository'
import { CATALOGUE_BODY_LIMIT, catalogueParamsSchema, previewQuerySchema } from './schema'
import type { AppContext } from '../../http/context'

const tags = ['catalogues']
const admins = { roles: ['admin'] } as const

/** After a change commits: this node offers it at once (every other node at its next request), and answers with the record. */
async function recordAfterChange(ctx: AppContext, id: string) {
  const { deps } = ctx
  await deps.catalogues.refresh(deps.db)
  return presentCatalogueRecord(deps.catalogues.record(id)!, await catalogueInUse(deps.db, id))
}

export const listCatalogueRecords = defineRoute({
  endpoint: endpoints.catalogueAdmin.listCatalogueRecords, tags, access: admins,
  summary: 'Every catalogue on offer as the admin manages it: origin (built in, data folder, published here), version, successor, closed to new enrolments, used by enrolments',
  responses: { 200: { description: 'The catalogues' } },
  async handler(ctx) {
    ctx.body = { catalogues: await catalogueRecords(ctx.deps.readDb, ctx.deps.catalogues) }
  },
})

export const previewCatalogue = defineRoute({
  endpoint: endpoints.catalogueAdmin.previewCatalogue, tags, access: admins,
  summary: 'Check an uploaded catalogue file and preview it as a member would see it (products, prices, benefits, cover dates and waiting periods for an application accepted `on`, default today), with whether it can be published. 422 `catalogue_invalid` lists every problem at its path. Stores nothing',
  request: { query: previewQuerySchema },
  bodyLimit: CATALOGUE_BODY_LIMIT,
  responses: { 200: { description: 'The checked catalogue and its preview' } },
  errors: [422],
  async handler(ctx) {
    const { deps } = ctx
    ctx.body = await previewCatalogueFile(deps.readDb, deps.catalogues, ctx.input.body, ctx.input.query.on ?? todayInChina(deps.clock))
  },
})

export const publishCatalogueRoute = defineRoute({
  endpoint: endpoints.catalogueAdmin.publishCatalogue, tags, access: admins,
  summary: 'Publish a catalogue file under its id (audited), offered for quotes and enrolment without a restart (at once on this node, within a second on the others): a new catalogue, or a new version of one published here that no enrolment uses. 422 `catalogue_invalid` (every problem at its path) or `catalogue_id_mismatch`; 409 `catalogue_shipped`, `catalogue_in_use` (succeed it or close it instead); nothing changed',
  request: { params: catalogueParamsSchema },
  bodyLimit: CATALOGUE_BODY_LIMIT,
  responses: { 200: { description: 'The catalogue as published' } },
  errors: [409, 422],
  async handler(ctx) {
    const { deps } = ctx
    const id = ctx.input.params.catalogueId
    await deps.db.transaction().execute((trx) => publishCatalogue(trx, deps, auditActorOf(ctx), id, ctx.input.body))
    ctx.body = await recordAfterChange(ctx, id)
  },
})

export const closeCatalogueRoute = defineRoute({
  endpoint: endpoints.catalogueAdmin.closeCatalogue, tags, access: admins,
  summary: 'Close a catalogue to new enrolments from today (audited): quotes, self-enrolment, events, rosters, new hires and renewals into it are refused by the engine’s `enrolment_closed`; enrolments made stay. 409 `catalogue_already_closed`',
  request: { params: catalogueParamsSchema },
  responses: { 200: { description: 'The catalogue, closed' } },
  errors: [404, 409],
  async handler(ctx) {
    const { deps } = ctx
    const id = ctx.input.params.catalogueId
    await deps.db.transaction().execute((trx) => closeCatalogue(trx, deps, auditActorOf(ctx), id))
    ctx.body = await recordAfterChange(ctx, id)
  },
})

export const setCatalogueSuccessorRoute = defineRoute({
  endpoint: endpoints.catalogueAdmin.setCatalogueSuccessor, tags, access: admins,
  summary: 'Name the catalogue a cover of this one renews into (null: itself), also for one enrolments use (audited). 422 `catalogue_successor_unknown`, `catalogue_successor_invalid` (itself, or a chain back to it)',
  request: { params: catalogueParamsSchema },
  responses: { 200: { description: 'The catalogue with its successor' } },
  errors: [404, 422],
  async handler(ctx) {
    const { deps } = ctx
    const id = ctx.input.params.catalogueId
    await deps.db.transaction().execute((trx) => setCatalogueSuccessor(trx, deps, auditActorOf(ctx), id, ctx.input.body.successor))
    ctx.body = await recordAfterChange(ctx, id)
  },
})

export const catalogueAdminRoutes = [listCatalogueRecords, previewCatalogue, publishCatalogueRoute, closeCatalogueRoute, setCatalogueSuccessorRoute]
