import {
  unitAdminInvitationListSchema,
  unitAdminInvitationSchema,
  unitDetailSchema,
  unitListResponseSchema,
  type UnitAdminInvitation,
  type UnitDetail,
  type UnitRecordInput,
  type UnitSummary,
} from '@huzhu/shared'
import { api } from '../../api/api'
import { noContent, schemaDecoder } from '../../api/client'
import { staffPaths } from '../lib/paths'

/** The office's calls for units: the list, one unit's record, creating and editing it, its admins' invitations. */

export async function fetchUnitSummaries(): Promise<UnitSummary[]> {
  return (await api.request({ path: staffPaths.units, decode: schemaDecoder(unitListResponseSchema) })).units
}

export function fetchUnitDetail(unitId: string): Promise<UnitDetail> {
  return api.request({ path: staffPaths.unit(unitId), decode: schemaDecoder(unitDetailSchema) })
}

export function createUnit(record: UnitRecordInput): Promise<UnitDetail> {
  return api.request({ method: 'POST', path: staffPaths.units, body: record, decode: schemaDecoder(unitDetailSchema) })
}

export function saveUnit(unitId: string, record: UnitRecordInput): Promise<UnitDetail> {
  return api.request({ method: 'PUT', path: staffPaths.unit(unitId), body: record, decode: schemaDecoder(unitDetailSchema) })
}

export async function fetchInvitations(unitId: string): Promise<UnitAdminInvitation[]> {
  return (await api.request({ path: staffPaths.unitAdminInvitations(unitId), decode: schemaDecoder(unitAdminInvitationListSchema) })).invitations
}

export function inviteUnitAdmin(unitId: string, phone: string): Promise<UnitAdminInvitation> {
  return api.request({ method: 'POST', path: staffPaths.unitAdminInvitations(unitId), body: { phone }, decode: schemaDecoder(unitAdminInvitationSchema) })
}

export function withdrawInvitation(unitId: string, invitationId: string): Promise<void> {
  return api.request({ method: 'DELETE', path: staffPaths.unitAdminInvitation(unitId, invitationId), decode: noContent })
}
