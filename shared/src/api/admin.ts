import { z } from 'zod'
import { mobileSchema } from '../identity/schema'
import { grantableRoles, roleGrantSchema, roles } from './auth'

export const roleGrantRequestSchema = z
  .object({
    role: z.enum(grantableRoles),
    unitId: z.string().min(1).max(40).optional().describe('required for unit_admin, absent otherwise'),
  })
  .superRefine((body, ctx) => {
    if ((body.role === 'unit_admin') !== (body.unitId !== undefined)) {
      ctx.addIssue({ code: 'custom', message: body.role === 'unit_admin' ? 'field_required' : 'field_invalid', path: ['unitId'] })
    }
  })
export type RoleGrantRequest = z.infer<typeof roleGrantRequestSchema>

export const userLookupRequestSchema = z.object({ phone: mobileSchema })

export const userSummarySchema = z.object({
  id: z.string(),
  roles: z.array(z.enum(roles)),
  grants: z.array(roleGrantSchema),
  phoneMasked: z.string().nullable(),
  wechatLinked: z.boolean(),
  hasProfile: z.boolean(),
  createdAt: z.string(),
  disabled: z.boolean(),
})
export type UserSummary = z.infer<typeof userSummarySchema>

export const auditActions = ['read', 'search', 'create', 'update', 'delete', 'verify', 'export'] as const
export type AuditAction = (typeof auditActions)[number]

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  subjectUserId: z.string().nullable(),
  action: z.enum(auditActions),
  resource: z.string(),
  fields: z.array(z.string()),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  actorPhoneMasked: z.string().nullable().describe('the actor’s login phone, masked (null: none, or a system action)'),
  subjectPhoneMasked: z.string().nullable().describe('the subject’s login phone, masked'),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>
export const auditLogResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.string().nullable().describe('pass as `before` for the next page; null at the end'),
})
