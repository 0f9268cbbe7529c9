import {
  auditLogResponseSchema,
  calendarOverviewSchema,
  calendarYearSavedSchema,
  calendarYearSchema,
  roleGrantSchema,
  userSummarySchema,
  type AuditEntry,
  type CalendarOverview,
  type CalendarYear,
  type CalendarYearRequest,
  type CalendarYearSaved,
  type RoleGrant,
  type RoleGrantRequest,
  type UserSummary,
} from '@huzhu/shared'
import { api } from '../../api/api'
import { noContent, schemaDecoder } from '../../api/client'
import { downloadFile } from './files'
import { staffPaths } from './paths'

/** The admin's calls: the holiday calendar, accounts and their roles, the audit log. */

export function fetchCalendarOverview(): Promise<CalendarOverview> {
  return api.request({ path: staffPaths.calendar, decode: schemaDecoder(calendarOverviewSchema) })
}

export function fetchCalendarYear(year: number): Promise<CalendarYear> {
  return api.request({ path: staffPaths.calendarYear(year), decode: schemaDecoder(calendarYearSchema) })
}

/** Replaces the year; the server counts the due dates of open claims again and says how many moved. */
export function saveCalendarYear(year: number, body: CalendarYearRequest): Promise<CalendarYearSaved> {
  return api.request({ method: 'PUT', path: staffPaths.calendarYear(year), body: { ...body }, decode: schemaDecoder(calendarYearSavedSchema) })
}

/** An account by its login phone (in the body: never in a URL). */
export function lookupUser(phone: string): Promise<UserSummary> {
  return api.request({ method: 'POST', path: staffPaths.userLookup, body: { phone }, decode: schemaDecoder(userSummarySchema) })
}

export function fetchUser(userId: string): Promise<UserSummary> {
  return api.request({ path: staffPaths.user(userId), decode: schemaDecoder(userSummarySchema) })
}

export function grantUserRole(userId: string, body: RoleGrantRequest): Promise<RoleGrant> {
  return api.request({ method: 'POST', path: staffPaths.userRoles(userId), body: { ...body }, decode: schemaDecoder(roleGrantSchema) })
}

export function revokeUserRole(userId: string, grantId: string): Promise<void> {
  return api.request({ method: 'DELETE', path: staffPaths.userRole(userId, grantId), decode: noContent })
}

export interface AuditQuery {
  actorUserId?: string
  subjectUserId?: string
  action?: string
  from?: string
  to?: string
}

export async function fetchAuditLog(query: AuditQuery & { before?: string; limit?: string }): Promise<{ entries: AuditEntry[]; nextBefore: string | null }> {
  return api.request({ path: staffPaths.auditLog({ ...query }), decode: schemaDecoder(auditLogResponseSchema) })
}

/** The filtered log as an xlsx file (the server records the export). */
export function downloadAuditLog(query: AuditQuery): Promise<void> {
  return downloadFile(staffPaths.auditExport({ ...query }), 'audit-log.xlsx')
}
