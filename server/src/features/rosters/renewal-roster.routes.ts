import { endpoints } from '@huzhu/shared'
import { todayInChina } from '../../clock'
import { sendXlsx, xlsxResponse } from '../../http/file-response'
import { defineRoute } from '../../http/route'
import { assertUnitAccess, currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { catalogueOr422 } from '../enrolments/enrolments.service'
import { unitParamsSchema } from '../units/schema'
import { unitOr404 } from '../units/units.service'
import { renewalRosterRows, unitRenewals } from './renewal-roster.service'
import { readFullRowsAudited } from './roster-export.service'
import { rosterExport } from './roster-workbook'
import { renewalRosterQuerySchema } from './schema'

const tags = ['rosters']
const unitRoles = { roles: ['staff', 'admin', 'unit_admin'] } as const

export const listUnitRenewals = defineRoute({
  endpoint: endpoints.renewalRoster.listUnitRenewals, tags, access: unitRoles,
  summary: 'Per catalogue, the unit’s covers whose renewal window is open today and not renewed yet, and the catalogue they renew into',
  request: { params: unitParamsSchema },
  responses: { 200: { description: 'Covers to renew' } },
  errors: [404],
  async handler(ctx) {
    const { unitId } = ctx.input.params
    assertUnitAccess(currentUser(ctx), unitId)
    await unitOr404(ctx.deps.readDb, unitId)
    ctx.body = { renewals: await unitRenewals(ctx.deps.readDb, ctx.deps.catalogues, unitId, todayInChina(ctx.deps.clock)) }
  },
})

export const getRenewalRoster = defineRoute({
  endpoint: endpoints.renewalRoster.getRenewalRoster, tags, access: unitRoles,
  summary: 'Next year’s roster (续保名单) prefilled from the unit’s covers in a catalogue that may be renewed today, in the upload’s layout with ID numbers and mobiles in full (audited): delete the leavers, add the new hires, upload it',
  request: { params: unitParamsSchema, query: renewalRosterQuerySchema },
  responses: { 200: xlsxResponse() },
  errors: [404, 422],
  async handler(ctx) {
    const { deps } = ctx
    const { unitId } = ctx.input.params
    assertUnitAccess(currentUser(ctx), unitId)
    await unitOr404(deps.readDb, unitId)
    const catalogue = catalogueOr422(deps.catalogues, ctx.input.query.catalogueId)
    const today = todayInChina(deps.clock)
    const rows = await readFullRowsAudited(deps.db, deps.clock, auditActorOf(ctx), `unit_renewal_roster:${unitId}`, (trx) => renewalRosterRows(trx, deps.protector, unitId, catalogue, today))
    sendXlsx(ctx, await rosterExport(rows), `续保名单-${catalogue.id}.xlsx`, 'renewal-roster.xlsx')
  },
})

export const renewalRosterRoutes = [listUnitRenewals, getRenewalRoster]
