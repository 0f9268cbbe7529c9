import {
  endpoints,
  type AuditEntry,
  type CalendarOverview,
  type CalendarYear,
  type CalendarYearRequest,
  type CalendarYearSaved,
  type RoleGrant,
  type RoleGrantRequest,
  type UserSummary,
} from '@huzhu/shared'
import { call } from '../../api/call'
import { downloadFile } from './files'
import { staffPaths } from './paths'

/** The admin's calls: the holiday calendar, accounts and their roles, the audit log. */

export function fetchCalendarOverview(): Promise<CalendarOverview> {
  return call(endpoints.calendar.getCalendarOverview)
}

export function fetchCalendarYear(year: number): Promise<CalendarYear> {
  return call(endpoints.calendar.getCalendarYear, { params: { year } })
}

/** Replaces the year; the server counts the due dates of open claims again and says how many moved. */
export function saveCalendarYear(year: number, body: CalendarYearRequest): Promise<CalendarYearSaved> {
  return call(endpoints.calendar.putCalendarYear, { params: { year }, body: { ...body } })
}

/** An account by its login phone (in the body: never in a URL). */
export function lookupUser(phone: string): Promise<UserSummary> {
  return call(endpoints.users.lookupUser, { body: { phone } })
}

export function fetchUser(userId: string): Promise<UserSummary> {
  return call(endpoints.users.getUser, { params: { userId } })
}

export function grantUserRole(userId: string, body: RoleGrantRequest): Promise<RoleGrant> {
  return call(endpoints.users.grantUserRole, { params: { userId }, body: { ...body } })
}

export function revokeUserRole(userId: string, grantId: string): Promise<void> {
  return call(endpoints.users.revokeUserRole, { params: { userId, grantId } })
}

export interface AuditQuery {
  actorUserId?: string
  subjectUserId?: string
  action?: string
  from?: string
  to?: string
}

export async function fetchAuditLog(query: AuditQuery & { before?: string; limit?: string }): Promise<{ entries: AuditEntry[]; nextBefore: string | null }> {
  return call(endpoints.audit.listAuditLog, { query: { ...query } })
}

/** The filtered log as an xlsx file (the server records the export). */
export function downloadAuditLog(query: AuditQuery): Promise<void> {
  return downloadFile(staffPaths.auditExport({ ...query }), 'audit-log.xlsx')
}
