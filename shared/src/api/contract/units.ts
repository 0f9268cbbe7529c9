import { catalogueListResponseSchema } from '../catalogues'
import { enrolmentSchema } from '../enrolments'
import { profileRequestSchema } from '../members'
import { unitAdminInvitationListSchema, unitAdminInvitationRequestSchema, unitAdminInvitationSchema, unitDetailSchema, unitListResponseSchema, unitRecordSchema } from '../units'
import { endpoint } from './endpoint'

export const unitsEndpoints = {
  createUnit: endpoint({ method: 'post', path: '/api/v1/units', operationId: 'createUnit', body: unitRecordSchema, response: unitDetailSchema }),
  listUnits: endpoint({ method: 'get', path: '/api/v1/units', operationId: 'listUnits', response: unitListResponseSchema }),
  getUnit: endpoint({ method: 'get', path: '/api/v1/units/:unitId', operationId: 'getUnit', response: unitDetailSchema }),
  listUnitCatalogues: endpoint({ method: 'get', path: '/api/v1/units/:unitId/catalogues', operationId: 'listUnitCatalogues', response: catalogueListResponseSchema }),
  putUnit: endpoint({ method: 'put', path: '/api/v1/units/:unitId', operationId: 'putUnit', body: unitRecordSchema, response: unitDetailSchema }),
  createNewHire: endpoint({ method: 'post', path: '/api/v1/units/:unitId/new-hires', operationId: 'createNewHire', body: profileRequestSchema, response: enrolmentSchema }),
  listUnitAdminInvitations: endpoint({ method: 'get', path: '/api/v1/units/:unitId/admin-invitations', operationId: 'listUnitAdminInvitations', response: unitAdminInvitationListSchema }),
  createUnitAdminInvitation: endpoint({ method: 'post', path: '/api/v1/units/:unitId/admin-invitations', operationId: 'createUnitAdminInvitation', body: unitAdminInvitationRequestSchema, response: unitAdminInvitationSchema }),
  deleteUnitAdminInvitation: endpoint({ method: 'delete', path: '/api/v1/units/:unitId/admin-invitations/:invitationId', operationId: 'deleteUnitAdminInvitation' }),
} as const
