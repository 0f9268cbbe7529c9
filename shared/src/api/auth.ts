import { z } from 'zod'
import { mobileSchema } from '../identity/schema'

/** Who may do what. Every account is a `member`; the other roles are granted (a unit admin for one unit). */
export const roles = ['member', 'unit_admin', 'staff', 'reviewer', 'admin'] as const
export type Role = (typeof roles)[number]
/** Roles an admin grants; `member` is every account's own. */
export const grantableRoles = ['unit_admin', 'staff', 'reviewer', 'admin'] as const
export type GrantableRole = (typeof grantableRoles)[number]

export const smsCodeRequestSchema = z.object({ phone: mobileSchema })
export type SmsCodeRequest = z.infer<typeof smsCodeRequestSchema>

export const smsLoginRequestSchema = z.object({
  phone: mobileSchema,
  code: z.string().regex(/^\d{6}$/, { message: 'sms_code_invalid' }).describe('the 6-digit code from the SMS'),
})
export type SmsLoginRequest = z.infer<typeof smsLoginRequestSchema>

export const wechatLoginRequestSchema = z.object({
  code: z.string().min(1).max(128).describe('the code from wx.login()'),
})
export type WechatLoginRequest = z.infer<typeof wechatLoginRequestSchema>

export const sessionUserSchema = z.object({
  id: z.string(),
  roles: z.array(z.enum(roles)),
})

export const sessionResponseSchema = z.object({
  token: z.string().describe('send as `Authorization: Bearer <token>`'),
  expiresAt: z.string().describe('instant, ISO-8601 UTC'),
  user: sessionUserSchema,
})
export type SessionResponse = z.infer<typeof sessionResponseSchema>

export const roleGrantSchema = z.object({
  id: z.string(),
  role: z.enum(grantableRoles),
  unitId: z.string().nullable().describe('the unit of a unit_admin; null for other roles'),
  grantedAt: z.string(),
})
export type RoleGrant = z.infer<typeof roleGrantSchema>

export const meResponseSchema = z.object({
  id: z.string(),
  roles: z.array(z.enum(roles)),
  grants: z.array(roleGrantSchema),
  phoneMasked: z.string().nullable().describe('the login phone, masked; null for a WeChat-only account'),
  wechatLinked: z.boolean(),
  hasProfile: z.boolean().describe('whether the real-name profile is filled in'),
})
export type MeResponse = z.infer<typeof meResponseSchema>
