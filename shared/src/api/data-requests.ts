import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'
import { auditActions } from './admin'
import { claimSchema } from './claims'
import { enrolmentSchema } from './enrolments'
import { fundingPayers } from '../units/funding-order'
import { consentSchema, profileResponseSchema } from './members'
import { notificationSchema } from './notifications'
import { payeeAccountSchema } from './payee-accounts'

/**
 * A member's personal-data requests (个人信息权益, PIPL art. 45 and 47): a copy of
 * everything held about them (`GET /api/v1/me/data-export`, JSON or xlsx), and
 * the deletion of their personal data (`/api/v1/me/data-deletion`), which keeps
 * the financial records the accounting rules require, with the reason.
 */

/** The export names no account (it is always the signed-in one's): any query is a 400, never someone else's data. */
export const dataExportQuerySchema = z.object({}).strict()

/** Who did what an audit entry records, as the member is told: themselves, office staff, or the system. */
export const dataExportActorKinds = ['self', 'staff', 'system'] as const
export type DataExportActorKind = (typeof dataExportActorKinds)[number]

const linkedPersonSchema = z.object({
  id: z.string(),
  via: z.enum(['phone', 'enrolment', 'staff']).describe('how the account was proven to be this person'),
  linkedAt: z.string(),
  name: z.string(),
  idNumber: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  mobile: z.string().nullable(),
  occupation: z.string().nullable(),
  platform: z.string().nullable(),
})

export const dataExportSchema = z.object({
  exportedAt: z.string(),
  account: z.object({
    id: z.string(),
    phone: z.string().nullable().describe('the login phone, in full: it is the member’s own'),
    wechatLinked: z.boolean(),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
    roles: z.array(z.string()),
  }),
  sessions: z.array(z.object({ method: z.string(), createdAt: z.string(), expiresAt: z.string(), revokedAt: z.string().nullable() })),
  profile: profileResponseSchema.nullable(),
  persons: z.array(linkedPersonSchema),
  enrolments: z.array(enrolmentSchema),
  payments: z.array(z.object({
    enrolmentId: z.string(),
    premiumFen: z.number().int(),
    channel: z.string(),
    confirmedAt: z.string(),
  })).describe('what was paid for each of my enrolments (a unit’s payment for a whole roster shows only my share)'),
  paymentOrders: z.array(z.object({
    id: z.string(),
    channel: z.string(),
    amountFen: z.number().int(),
    status: z.string(),
    createdAt: z.string(),
    paidAt: z.string().nullable(),
    transactionId: z.string().nullable(),
    refunds: z.array(z.object({ amountFen: z.number().int(), reason: z.string(), status: z.string(), createdAt: z.string(), doneAt: z.string().nullable() })),
  })).describe('online orders that paid only my enrolments'),
  fundingShares: z.array(z.object({
    enrolmentId: z.string(),
    payer: z.enum(fundingPayers),
    amountFen: z.number().int(),
    paidAt: z.string().nullable(),
  })).describe('who pays how much of each of my enrolments’ premiums (union, unit, me), and when each share was paid'),
  hardshipWorker: z.object({
    name: z.string().nullable(),
    idNumber: z.string(),
    reason: z.string(),
    flaggedAt: z.string(),
  }).nullable().describe('my flag as a hardship worker (困难职工), whose share of a premium the union pays; null when not flagged'),
  claims: z.array(claimSchema),
  uploads: z.array(z.object({
    id: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string(), createdAt: z.string(), claimId: z.string().nullable(),
  })).describe('every photo or PDF I uploaded (the list, not the bytes: each is `GET /api/v1/uploads/:id/content`)'),
  payeeAccounts: z.array(payeeAccountSchema.extend({ deleted: z.boolean() })).describe('numbers masked'),
  medicalRecords: z.array(z.object({
    hospital: z.string(),
    admittedOn: z.string(),
    dischargedOn: z.string(),
    totalCostFen: z.number().int(),
    pooledOutOfPocketFen: z.number().int(),
    supplementaryOutOfPocketFen: z.number().int(),
    deductibleFen: z.number().int(),
    importedAt: z.string(),
  })).describe('medical-insurance settlement records the office imported under my ID number'),
  consents: z.array(consentSchema),
  auditEntries: z.array(z.object({
    at: z.string(),
    by: z.enum(dataExportActorKinds),
    action: z.enum(auditActions),
    resource: z.string(),
    fields: z.array(z.string()),
  })).describe('who read or changed my data: myself, office staff (not named) or the system'),
  notifications: z.array(notificationSchema),
  deletionRequests: z.array(z.object({ status: z.string(), requestedAt: z.string(), effectiveOn: z.string(), cancelledAt: z.string().nullable() })),
})
export type DataExport = z.infer<typeof dataExportSchema>

/** The records deletion keeps (with why, in the member's words), and what it removes. */
/** `hardship_flag` only for a member flagged as a hardship worker (困难职工). */
export const keptRecordKinds = ['enrolments', 'payments', 'claim_payouts', 'ledger', 'hardship_flag', 'consents', 'audit_log'] as const
export type KeptRecordKind = (typeof keptRecordKinds)[number]
export const erasedRecordKinds = ['profile', 'person', 'account', 'claim_material', 'medical_records', 'payee_accounts', 'notifications', 'uploads'] as const
export type ErasedRecordKind = (typeof erasedRecordKinds)[number]

const keptSchema = z.object({ kind: z.enum(keptRecordKinds), text: z.string() })
const erasedSchema = z.object({ kind: z.enum(erasedRecordKinds), text: z.string() })

export const dataDeletionStatuses = ['scheduled', 'done', 'cancelled'] as const
export type DataDeletionStatus = (typeof dataDeletionStatuses)[number]

export const dataDeletionRequestSchema = z.object({
  confirm: z.literal(true).describe('the member confirmed on the page that they want their data deleted'),
}).strict()

/** `POST /api/v1/me/data-deletion`: done at once (200, the session ends), or scheduled for the day after cover ends (202). */
export const dataDeletionResultSchema = z.object({
  status: z.enum(['done', 'scheduled']),
  effectiveOn: civilDateSchema.nullable().describe('scheduled: the China date it is carried out (the day after my last cover ends)'),
  reason: z.string().nullable().describe('why it waits (scheduled)'),
  kept: z.array(keptSchema),
  erased: z.array(erasedSchema),
})
export type DataDeletionResult = z.infer<typeof dataDeletionResultSchema>

/** `GET /api/v1/me/data-deletion`: what a request would do now, and the scheduled one. */
export const dataDeletionOutlookSchema = z.object({
  scheduled: z.object({ requestedAt: z.string(), effectiveOn: civilDateSchema, reason: z.string() }).nullable(),
  now: z.enum(['at_once', 'at_cover_end', 'refused']),
  coverEndsOn: civilDateSchema.nullable().describe('my last cover’s end (at_cover_end)'),
  effectiveOn: civilDateSchema.nullable().describe('the day a request made now is carried out (at_cover_end: the day after the cover ends)'),
  refusal: z.object({ code: z.string(), message: z.string() }).nullable(),
  kept: z.array(keptSchema),
  erased: z.array(erasedSchema),
})
export type DataDeletionOutlook = z.infer<typeof dataDeletionOutlookSchema>
