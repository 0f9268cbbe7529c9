import { endpoints, type UnitAdminInvitation, type UnitDetail, type UnitRecordInput, type UnitSummary } from '@huzhu/shared'
import { call } from '../../api/call'

/** The office's calls for units: the list, one unit's record, creating and editing it, its admins' invitations. */

export async function fetchUnitSummaries(): Promise<UnitSummary[]> {
  return (await call(endpoints.units.listUnits)).units
}

export function fetchUnitDetail(unitId: string): Promise<UnitDetail> {
  return call(endpoints.units.getUnit, { params: { unitId } })
}

export function createUnit(record: UnitRecordInput): Promise<UnitDetail> {
  return call(endpoints.units.createUnit, { body: record })
}

export function saveUnit(unitId: string, record: UnitRecordInput): Promise<UnitDetail> {
  return call(endpoints.units.putUnit, { params: { unitId }, body: record })
}

export async function fetchInvitations(unitId: string): Promise<UnitAdminInvitation[]> {
  return (await call(endpoints.units.listUnitAdminInvitations, { params: { unitId } })).invitations
}

export function inviteUnitAdmin(unitId: string, phone: string): Promise<UnitAdminInvitation> {
  return call(endpoints.units.createUnitAdminInvitation, { params: { unitId }, body: { phone } })
}

export function withdrawInvitation(unitId: string, invitationId: string): Promise<void> {
  return call(endpoints.units.deleteUnitAdminInvitation, { params: { unitId, invitationId } })
}
