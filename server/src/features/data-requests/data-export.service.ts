import type { DataExport } from '@huzhu/shared'
import { nowIso, todayInChina, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import { unseal } from '../../crypto/personal-data'
import type { Db } from '../../db/open'
import { failure, success, type Outcome } from '../../outcome'
import { tooManyRequests } from '../../http/errors'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { loadClaimRecord } from '../claims/claim-record'
import { presentClaim } from '../claims/claims.presenter'
import { loadViews } from '../enrolments/enrolments.repository'
import { presentDeps, presentEnrolment } from '../enrolments/enrolments.presenter'
import { decodePerson } from '../enrolments/insured-person'
import { presentConsent, presentProfile } from '../members/members.presenter'
import { findProfileRow, listConsentRows } from '../members/members.repository'
import { decodeProfile } from '../members/profile'
import { presentNotification } from '../notifications/notifications.presenter'
import { presentPayeeAccount } from '../payee-accounts/payee-accounts.presenter'
import { checkRateLimits, type RateWindow } from '../rate-limits/rate-limits.service'
import {
  auditRowsAbout, claimRowsOf, deletionRequestRowsOf, enrolmentRowsOf, linkRowsOf, medicalRecordRowsOf, notificationRowsOf, paidEnrolmentsOf,
  payeeAccountRowsOf, paymentOrdersOf, refundRowsOf, roleNamesOf, sessionRowsOf, uploadRowsOf,
} from './data-requests.repository'
import { presentAuditAboutMe, presentMedicalRecord } from './data-requests.presenter'
import { hardshipRowsOf, presentOwnHardshipFlag, shareRowsOf } from './funding-records'

export interface DataExportDeps {
  clock: Clock
  protector: DataProtector
  catalogues: CatalogueStore
}

/** A copy of everything is heavy to build and worth a lot to whoever holds a stolen session: 3 an hour, 10 a day. */
export const EXPORT_WINDOWS: readonly RateWindow[] = [{ seconds: 3_600, max: 3 }, { seconds: 86_400, max: 10 }]
export const EXPORT_BUCKET = 'data_export'

/**
 * Everything held about the signed-in account's owner (PIPL art. 45): the
 * account, its profile, the persons it is linked to with proof and their
 * enrolments with who pays what of each (shares), their hardship-worker flag, payments, claims (history and material list), uploads, payee
 * accounts (masked), medical-insurance records under their ID number, consents,
 * audit entries about them, messages and deletion requests. Nothing is looked up
 * by anything but this account and its proven persons, so nothing of another
 * person comes along. Rate-limited (the hit commits even when refused) and
 * audited in the same transaction; built in memory, never in a file.
 */
export async function exportPersonalData(db: Db, deps: DataExportDeps, userId: string, actor: AuditActor, format: 'json' | 'xlsx'): Promise<Outcome<DataExport>> {
  const limited = await checkRateLimits(db, deps, [{ bucket: EXPORT_BUCKET, key: userId, windows: EXPORT_WINDOWS }])
  if (!limited.ok) return failure(tooManyRequests(limited.retryAfterSeconds))
  const document = await collectPersonalData(db, deps, userId)
  await recordAudit(db, deps.clock, actor, { subjectUserId: userId, action: 'export', resource: `personal_data_export:${format}`, fields: ['idNumber', 'mobile', 'medical', 'bankAccount'] })
  return success(document)
}

export async function collectPersonalData(db: Db, deps: DataExportDeps, userId: string): Promise<DataExport> {
  const { protector } = deps
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()
  const profileRow = await findProfileRow(db, userId)
  const links = await linkRowsOf(db, userId)
  const personIds = links.map((l) => l.insured_person_id)
  const persons = personIds.length === 0 ? [] : await db.selectFrom('insured_persons').selectAll().where('id', 'in', personIds).execute()
  const personById = new Map(persons.map((p) => [p.id, p]))
  const enrolmentRows = await enrolmentRowsOf(db, personIds)
  const presentation = presentDeps(deps)
  const today = todayInChina(deps.clock)
  const claims = []
  for (const row of await claimRowsOf(db, userId, personIds)) {
    claims.push(presentClaim(await loadClaimRecord(db, deps, row), { fullName: true, flags: false, medicalRecord: false, today }))
  }
  const orders = await paymentOrdersOf(db, personIds)
  const refunds = await refundRowsOf(db, orders.map((o) => o.id))
  const idHashes = [...new Set([...(profileRow ? [profileRow.id_number_hash] : []), ...persons.map((p) => p.id_number_hash)])]
  return {
    exportedAt: nowIso(deps.clock),
    account: {
      id: user.id,
      phone: user.phone_ciphertext === null ? null : unseal(protector, 'users.phone', user.id, user.phone_ciphertext),
      wechatLinked: user.wechat_openid !== null,
      createdAt: user.created_at,
      lastLoginAt: user.last_login_at,
      roles: await roleNamesOf(db, userId),
    },
    sessions: (await sessionRowsOf(db, userId)).map((s) => ({ method: s.method, createdAt: s.created_at, expiresAt: s.expires_at, revokedAt: s.revoked_at })),
    profile: profileRow ? presentProfile(decodeProfile(profileRow, protector), { reveal: true }) : null,
    persons: links.flatMap((link) => {
      const row = personById.get(link.insured_person_id)
      if (!row) return []
      const p = decodePerson(row, protector)
      return [{
        id: p.id, via: link.via as 'phone' | 'enrolment' | 'staff', linkedAt: link.created_at, name: p.name, idNumber: p.idNumber, sex: p.sex,
        birthDate: p.birthDate, mobile: p.mobile, occupation: p.occupation, platform: p.platform,
      }]
    }),
    enrolments: (await loadViews(db, enrolmentRows)).map((v) => presentEnrolment(v, 'self', presentation)),
    payments: (await paidEnrolmentsOf(db, personIds)).map((p) => ({ enrolmentId: p.enrolment_id, premiumFen: p.premium_fen, channel: p.channel, confirmedAt: p.confirmed_at })),
    paymentOrders: orders.map((o) => ({
      id: o.id, channel: o.channel, amountFen: o.amount_fen, status: o.status, createdAt: o.created_at, paidAt: o.paid_at, transactionId: o.transaction_id,
      refunds: refunds.filter((r) => r.order_id === o.id).map((r) => ({ amountFen: r.amount_fen, reason: r.reason, status: r.status, createdAt: r.created_at, doneAt: r.done_at })),
    })),
    fundingShares: await shareRowsOf(db, enrolmentRows.map((e) => e.id)),
    hardshipWorker: presentOwnHardshipFlag(protector, (await hardshipRowsOf(db, idHashes))[0]),
    claims,
    uploads: (await uploadRowsOf(db, userId)).map((u) => ({ id: u.id, mediaType: u.media_type, size: u.size, sha256: u.sha256, createdAt: u.created_at, claimId: u.claim_id ?? null })),
    payeeAccounts: (await payeeAccountRowsOf(db, userId)).map((row) => ({ ...presentPayeeAccount(protector, row), deleted: row.deleted_at !== null })),
    medicalRecords: (await medicalRecordRowsOf(db, idHashes)).map(presentMedicalRecord),
    consents: (await listConsentRows(db, userId)).map(presentConsent),
    auditEntries: (await auditRowsAbout(db, userId)).map((row) => presentAuditAboutMe(row, userId)),
    notifications: (await notificationRowsOf(db, userId)).map(presentNotification),
    deletionRequests: (await deletionRequestRowsOf(db, userId)).map((r) => ({ status: r.status, requestedAt: r.requested_at, effectiveOn: r.effective_on, cancelledAt: r.cancelled_at })),
  }
}
