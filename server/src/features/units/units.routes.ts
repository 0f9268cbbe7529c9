import { catalogueListResponseSchema, enrolmentSchema, newHireRequestSchema, unitCreateRequestSchema, unitDetailSchema, unitListResponseSchema, unitSchema, unitSettingsSchema } from '@huzhu/shared'
import { nowIso, todayInChina } from '../../clock'
import { defineRoute } from '../../http/route'
import { newId } from '../../ids'
import { assertUnitAccess, currentUser } from '../accounts/access'
import { auditActorOf, ID_NUMBER_AND_MOBILE, recordAudit } from '../audit/audit.service'
import { presentCatalogueSummary } from '../catalogues/catalogues.presenter'
import { isStaff } from '../enrolments/enrolment-access'
import { presentEnrolment } from '../enrolments/enrolments.presenter'
import { loadViews } from '../enrolments/enrolments.repository'
import { presentDeps } from '../enrolments/enrolments.presenter'
import { presentUnit, presentUnitDetail } from './units.presenter'
import { insertUnit, listUnits, unitCounts } from './units.repository'
import { cataloguesForUnit, enrolNewHire, saveUnitSettings, unitOr404 } from './units.service'
import { unitParamsSchema } from './schema'

const tags = ['units']

export const createUnit = defineRoute({
  method: 'post', path: '/api/v1/units', operationId: 'createUnit', tags, access: { roles: ['admin'] },
  summary: 'Register a unit (参保单位) that enrols members as a group',
  request: { body: unitCreateRequestSchema },
  responses: { 201: { description: 'Created', schema: unitSchema } },
  async handler(ctx) {
    const { db, clock } = ctx.deps
    const row = { id: newId('unt', clock.now()), name: ctx.input.body.name, created_at: nowIso(clock) }
    await insertUnit(db, row)
    ctx.status = 201
    ctx.body = presentUnit(row)
  },
})

export const listAllUnits = defineRoute({
  method: 'get', path: '/api/v1/units', operationId: 'listUnits', tags, access: { roles: ['admin', 'staff'] },
  summary: 'Every unit',
  responses: { 200: { description: 'Units by name', schema: unitListResponseSchema } },
  async handler(ctx) {
    ctx.body = { units: (await listUnits(ctx.deps.readDb)).map(presentUnit) }
  },
})

export const getUnit = defineRoute({
  method: 'get', path: '/api/v1/units/:unitId', operationId: 'getUnit', tags, access: { roles: ['admin', 'staff', 'unit_admin'] },
  summary: 'One unit with its standing selection and enrolment counts; a unit admin reaches only their own',
  request: { params: unitParamsSchema },
  responses: { 200: { description: 'The unit', schema: unitDetailSchema } },
  errors: [404],
  async handler(ctx) {
    const { unitId } = ctx.input.params
    assertUnitAccess(currentUser(ctx), unitId)
    const unit = await unitOr404(ctx.deps.readDb, unitId)
    ctx.body = presentUnitDetail(unit, await unitCounts(ctx.deps.readDb, unitId))
  },
})

export const listUnitCatalogues = defineRoute({
  method: 'get', path: '/api/v1/units/:unitId/catalogues', operationId: 'listUnitCatalogues', tags, access: { roles: ['admin', 'staff', 'unit_admin'] },
  summary: 'The plan catalogues this unit may enrol by today (rosters, new hires): its standing selection’s catalogue when set, else any; only those taking a unit’s enrolment today',
  request: { params: unitParamsSchema },
  responses: { 200: { description: 'Catalogues the unit may use', schema: catalogueListResponseSchema } },
  errors: [404],
  async handler(ctx) {
    const { unitId } = ctx.input.params
    assertUnitAccess(currentUser(ctx), unitId)
    const unit = await unitOr404(ctx.deps.readDb, unitId)
    ctx.body = { catalogues: cataloguesForUnit(unit, ctx.deps.catalogues, todayInChina(ctx.deps.clock)).map(presentCatalogueSummary) }
  },
})

export const putUnit = defineRoute({
  method: 'put', path: '/api/v1/units/:unitId', operationId: 'putUnit', tags, access: { roles: ['staff', 'admin'] },
  summary: 'Set a unit’s name and standing selection (catalogue, products, who pays)',
  request: { params: unitParamsSchema, body: unitSettingsSchema },
  responses: { 200: { description: 'Saved', schema: unitDetailSchema } },
  errors: [404, 422],
  async handler(ctx) {
    const { unitId } = ctx.input.params
    const { unit, counts } = await ctx.deps.db.transaction().execute(async (trx) => {
      const saved = await saveUnitSettings(trx, ctx.deps, unitId, ctx.input.body)
      return { unit: saved, counts: await unitCounts(trx, unitId) }
    })
    ctx.body = presentUnitDetail(unit, counts)
  },
})

export const createNewHire = defineRoute({
  method: 'post', path: '/api/v1/units/:unitId/new-hires', operationId: 'createNewHire', tags, access: { roles: ['staff', 'unit_admin'] },
  summary: 'Enrol one new hire with the unit’s selection and funding, pending payment',
  request: { params: unitParamsSchema, body: newHireRequestSchema },
  responses: { 201: { description: 'Enrolled, pending payment', schema: enrolmentSchema } },
  errors: [404, 409, 422],
  async handler(ctx) {
    const user = currentUser(ctx)
    const { unitId } = ctx.input.params
    assertUnitAccess(user, unitId)
    const view = await ctx.deps.db.transaction().execute(async (trx) => {
      const row = await enrolNewHire(trx, ctx.deps, unitId, ctx.input.body, user.id)
      await recordAudit(trx, ctx.deps.clock, auditActorOf(ctx), { subjectUserId: null, action: 'create', resource: `insured_person:${row.insured_person_id}`, fields: ID_NUMBER_AND_MOBILE })
      return (await loadViews(trx, [row]))[0]!
    })
    ctx.status = 201
    ctx.body = presentEnrolment(view, isStaff(user) ? 'staff' : 'unit', presentDeps(ctx.deps))
  },
})

export const unitRoutes = [createUnit, listAllUnits, getUnit, listUnitCatalogues, putUnit, createNewHire]
