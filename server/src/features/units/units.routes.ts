import { endpoints, newHireRequestSchema } from '@huzhu/shared'
import type { Db } from '../../db/open'
import { todayInChina } from '../../clock'
import { defineRoute } from '../../http/route'
import { assertUnitAccess, currentUser } from '../accounts/access'
import { auditActorOf, ID_NUMBER_AND_MOBILE, recordAudit } from '../audit/audit.service'
import { presentCatalogueSummary } from '../catalogues/catalogues.presenter'
import { isStaff } from '../enrolments/enrolment-access'
import { presentEnrolment } from '../enrolments/enrolments.presenter'
import { loadViews } from '../enrolments/enrolments.repository'
import { presentDeps } from '../enrolments/enrolments.presenter'
import { unitAdminInvitationRoutes } from './unit-admin-invitations.routes'
import { createUnitRecord, updateUnitRecord, withCreditCodeUnique } from './unit-record.service'
import { presentUnitDetail, presentUnitSummary } from './units.presenter'
import { countCoveredMembers, listUnits, unitCounts } from './units.repository'
import type { UnitRow } from './units.table'
import { cataloguesForUnit, enrolNewHire, unitOr404 } from './units.service'
import { unitParamsSchema } from './schema'

const tags = ['units']

/** A unit with its counts and coverage, read on `db` (the transaction that wrote it, or `readDb`). */
async function unitDetail(db: Db, unit: UnitRow, today: string) {
  return presentUnitDetail(unit, await unitCounts(db, unit.id), await countCoveredMembers(db, unit.id, today))
}

export const createUnit = defineRoute({
  endpoint: endpoints.units.createUnit, tags, access: { roles: ['staff', 'admin'] },
  summary: 'Register a unit (参保单位) that enrols members as a group: its profile and standing selection (audited)',
  responses: { 201: { description: 'Created' } },
  errors: [409, 422],
  async handler(ctx) {
    const { deps } = ctx
    const record = ctx.input.body
    ctx.body = await withCreditCodeUnique(deps.readDb, null, record, () => deps.db.transaction().execute(async (trx) => {
      const unit = await createUnitRecord(trx, deps, record, auditActorOf(ctx))
      return unitDetail(trx, unit, todayInChina(deps.clock))
    }))
    ctx.status = 201
  },
})

export const listAllUnits = defineRoute({
  endpoint: endpoints.units.listUnits, tags, access: { roles: ['admin', 'staff'] },
  summary: 'Every unit with its profile',
  responses: { 200: { description: 'Units by name' } },
  async handler(ctx) {
    ctx.body = { units: (await listUnits(ctx.deps.readDb)).map(presentUnitSummary) }
  },
})

export const getUnit = defineRoute({
  endpoint: endpoints.units.getUnit, tags, access: { roles: ['admin', 'staff', 'unit_admin'] },
  summary: 'One unit with its profile, standing selection, enrolment counts and coverage rate; a unit admin reaches only their own',
  request: { params: unitParamsSchema },
  responses: { 200: { description: 'The unit' } },
  errors: [404],
  async handler(ctx) {
    const { unitId } = ctx.input.params
    assertUnitAccess(currentUser(ctx), unitId)
    const unit = await unitOr404(ctx.deps.readDb, unitId)
    ctx.body = await unitDetail(ctx.deps.readDb, unit, todayInChina(ctx.deps.clock))
  },
})

export const listUnitCatalogues = defineRoute({
  endpoint: endpoints.units.listUnitCatalogues, tags, access: { roles: ['admin', 'staff', 'unit_admin'] },
  summary: 'The plan catalogues this unit may enrol by today (rosters, new hires): its standing selection’s catalogue when set, else any; only those taking a unit’s enrolment today',
  request: { params: unitParamsSchema },
  responses: { 200: { description: 'Catalogues the unit may use' } },
  errors: [404],
  async handler(ctx) {
    const { unitId } = ctx.input.params
    assertUnitAccess(currentUser(ctx), unitId)
    const unit = await unitOr404(ctx.deps.readDb, unitId)
    ctx.body = { catalogues: cataloguesForUnit(unit, ctx.deps.catalogues, todayInChina(ctx.deps.clock)).map(presentCatalogueSummary) }
  },
})

export const putUnit = defineRoute({
  endpoint: endpoints.units.putUnit, tags, access: { roles: ['staff', 'admin'] },
  summary: 'Replace a unit’s record: profile (credit code, region, occupation, union members) and standing selection (catalogue, products, who pays, the split); audited',
  request: { params: unitParamsSchema },
  responses: { 200: { description: 'Saved' } },
  errors: [404, 409, 422],
  async handler(ctx) {
    const { deps } = ctx
    const { unitId } = ctx.input.params
    const record = ctx.input.body
    ctx.body = await withCreditCodeUnique(deps.readDb, unitId, record, () => deps.db.transaction().execute(async (trx) => {
      const unit = await updateUnitRecord(trx, deps, unitId, record, auditActorOf(ctx))
      return unitDetail(trx, unit, todayInChina(deps.clock))
    }))
  },
})

export const createNewHire = defineRoute({
  endpoint: endpoints.units.createNewHire, tags, access: { roles: ['staff', 'unit_admin'] },
  summary: 'Enrol one new hire with the unit’s selection and funding, pending payment',
  request: { params: unitParamsSchema, body: newHireRequestSchema },
  responses: { 201: { description: 'Enrolled, pending payment' } },
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

export const unitRoutes = [createUnit, listAllUnits, getUnit, listUnitCatalogues, putUnit, createNewHire, ...unitAdminInvitationRoutes]
