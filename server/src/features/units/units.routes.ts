import { unitCreateRequestSchema, unitListResponseSchema, unitSchema } from '@huzhu/shared'
import { nowIso } from '../../clock'
import { notFound } from '../../http/errors'
import { defineRoute } from '../../http/route'
import { newId } from '../../ids'
import { assertUnitAccess, currentUser } from '../accounts/access'
import { presentUnit } from './units.presenter'
import { findUnit, insertUnit, listUnits } from './units.repository'
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
  summary: 'One unit; a unit admin reaches only their own',
  request: { params: unitParamsSchema },
  responses: { 200: { description: 'The unit', schema: unitSchema } },
  errors: [404],
  async handler(ctx) {
    const { unitId } = ctx.input.params
    assertUnitAccess(currentUser(ctx), unitId)
    const unit = await findUnit(ctx.deps.db, unitId)
    if (!unit) throw notFound('unit_not_found')
    ctx.body = presentUnit(unit)
  },
})

export const unitRoutes = [createUnit, listAllUnits, getUnit]
