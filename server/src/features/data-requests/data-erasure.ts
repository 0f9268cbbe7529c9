import { nowIso, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import { seal, unseal } from '../../crypto/personal-data'
import type { Db } from '../../db/open'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import { enqueue } from '../outbox/outbox.service'
import { clearRateLimitKeys } from '../rate-limits/rate-limits.service'
import { photoKey } from '../uploads/upload-files'
import { eraseAssistedEnrolments } from '../assisted-enrolments/assisted-enrolments.repository'
import { claimRowsOf, findUserRow, linkRowsOf, lockPersonRows, payeeAccountRowsOf, uploadRowsOf } from './data-requests.repository'
import { EXPORT_BUCKET } from './data-export.service'
import { eraseHardshipFlags } from './funding-records'

/** What an erased person's name reads as wherever a kept record shows it. */
export const ERASED_NAME = '已删除'

/**
 * Deletes or anonymises an account's personal data in the caller's transaction
 * (DOMAIN.md, "Identity"; the kept records and why: `dataRequestUi.kept`).
 *
 * Kept, as the accounting rules require (会计档案管理办法: vouchers and books 30
 * years): enrolments, their shares and payments as they are; a hardship-worker
 * flag's reason, who flagged and when (its name and ID number removed); a
 * confirmed staff-assisted entry's event, staff member and enrolment (its name,
 * ID number and phone removed; unconfirmed entries go); pointing at the anonymised person;
 * claims with their amounts, payout lines and status history (notes removed);
 * for claims that reached the bank (a payment line) also their figures and
 * invoice numbers and the payee account paid (sealed, marked deleted); consents
 * (withdrawn, no IP); audit entries (account ids only). Removed: profile,
 * person's name/ID/mobile/occupation/platform (birth date to its year), login
 * phone, WeChat link, sessions, SMS codes, rate-limit counts, links to persons,
 * notifications, idempotency keys, uploads (rows now, files after the commit
 * through the outbox), medical-insurance records and matches, claim diagnosis,
 * hospital and decision notes, unpaid claims' figures and invoices, payee
 * accounts never paid to. The account is disabled.
 */
export async function eraseAccount(db: Db, deps: { clock: Clock; protector: DataProtector }, userId: string, actor: AuditActor): Promise<void> {
  const { protector, clock } = deps
  const now = nowIso(clock)
  const user = await findUserRow(db, userId)
  if (!user) return
  const personIds = (await linkRowsOf(db, userId)).map((l) => l.insured_person_id)
  const persons = await lockPersonRows(db, personIds)
  const profile = await db.selectFrom('member_profiles').select('id_number_hash').where('user_id', '=', userId).executeTakeFirst()
  const idHashes = [...new Set([...(profile ? [profile.id_number_hash] : []), ...persons.map((p) => p.id_number_hash)])]

  // Claims: medical details and free text go; amounts stay. Figures and invoice numbers stay where money went to the bank.
  const claims = await claimRowsOf(db, userId, personIds)
  const claimIds = claims.map((c) => c.id)
  const banked = new Set(claimIds.length === 0 ? [] : (await db.selectFrom('claim_payment_lines').select('claim_id').where('claim_id', 'in', claimIds).execute()).map((r) => r.claim_id))
  for (const claim of claims) {
    const decision = claim.decision === null ? null : JSON.stringify({ ...(JSON.parse(claim.decision) as Record<string, unknown>), note: null })
    const paid = banked.has(claim.id) || claim.status === 'paid'
    await db.updateTable('claims').set({
      diagnosis: '', hospital: null, decision, updated_at: now,
      ...(paid ? {} : { figures: '{}', invoice_numbers: '[]', estimate_lines: '[]' }),
    }).where('id', '=', claim.id).execute()
    if (!paid) await db.deleteFrom('claim_invoices').where('claim_id', '=', claim.id).execute()
  }
  if (claimIds.length > 0) {
    await db.updateTable('claim_history').set({ note: null }).where('claim_id', 'in', claimIds).execute()
    await db.deleteFrom('claim_medical_matches').where('claim_id', 'in', claimIds).execute()
    await db.deleteFrom('claim_documents').where('claim_id', 'in', claimIds).execute()
  }
  if (idHashes.length > 0) {
    const records = db.selectFrom('medical_records').select('id').where('id_number_hash', 'in', idHashes)
    await db.deleteFrom('claim_medical_matches').where('medical_record_id', 'in', records).execute()
    await db.deleteFrom('medical_records').where('id_number_hash', 'in', idHashes).execute()
  }

  // Uploads: rows now; the files once this commits, through the outbox (a rollback keeps both).
  const uploads = await uploadRowsOf(db, userId)
  if (uploads.length > 0) {
    const ids = uploads.map((u) => u.id)
    await db.deleteFrom('claim_documents').where('upload_id', 'in', ids).execute()
    await db.deleteFrom('uploads').where('id', 'in', ids).execute()
    for (const sha256 of new Set(uploads.map((u) => u.sha256))) await enqueue(db, { clock }, 'blob_delete', { key: photoKey(sha256), sha256 })
  }

  // Payee accounts: one the bank was sent money for is part of that payment's record; the others go.
  const accounts = await payeeAccountRowsOf(db, userId)
  const accountIds = accounts.map((a) => a.id)
  const bankedAccounts = new Set(accountIds.length === 0 ? [] : (await db.selectFrom('claim_payment_lines').select('payee_account_id').where('payee_account_id', 'in', accountIds).execute()).map((r) => r.payee_account_id))
  const unused = accountIds.filter((id) => !bankedAccounts.has(id))
  if (bankedAccounts.size > 0) await db.updateTable('payee_accounts').set({ is_default: 0 }).where('id', 'in', [...bankedAccounts]).execute()
  if (bankedAccounts.size > 0) await db.updateTable('payee_accounts').set({ deleted_at: now }).where('id', 'in', [...bankedAccounts]).where('deleted_at', 'is', null).execute()
  if (unused.length > 0) {
    await db.updateTable('claims').set({ payee_account_id: null }).where('payee_account_id', 'in', unused).execute()
    await db.deleteFrom('payee_accounts').where('id', 'in', unused).execute()
  }

  // The persons: anonymised in place, so enrolments, payments and payouts still add up; their ID hash no longer finds them.
  for (const person of persons) {
    await db.updateTable('insured_persons').set({
      name: ERASED_NAME,
      id_number_hash: `erased:${person.id}`,
      id_number_ciphertext: seal(protector, 'insured_persons.id_number', person.id, ''),
      mobile_ciphertext: null,
      mobile_hash: null,
      occupation: null,
      platform: null,
      birth_date: `${person.birth_date.slice(0, 4)}-01-01`,
      updated_at: now,
    }).where('id', '=', person.id).execute()
  }
  // A hardship-worker flag: its name and number go; why the union paid stays (the shares stay with the enrolments).
  await eraseHardshipFlags(db, protector, idHashes, now)
  // Entries staff made for them at events (代办): unconfirmed ones go; a confirmed one keeps only who enrolled whom where.
  await eraseAssistedEnrolments(db, protector, { idHashes, phoneHash: user.phone_hash }, ERASED_NAME)
  await db.deleteFrom('person_accounts').where('user_id', '=', userId).execute()
  await db.deleteFrom('member_profiles').where('user_id', '=', userId).execute()
  await db.updateTable('consents').set({ withdrawn_at: now }).where('user_id', '=', userId).where('withdrawn_at', 'is', null).execute()
  await db.updateTable('consents').set({ ip: null, request_id: null }).where('user_id', '=', userId).execute()
  await db.deleteFrom('notifications').where('user_id', '=', userId).execute()
  await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).execute()

  // The account: signed out everywhere, its phone and WeChat link gone, its counts forgotten.
  const phone = user.phone_ciphertext === null ? null : unseal(protector, 'users.phone', user.id, user.phone_ciphertext)
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
  if (user.phone_hash !== null) {
    await db.deleteFrom('sms_codes').where('phone_hash', '=', user.phone_hash).execute()
    await db.deleteFrom('unit_admin_invitations').where('phone_hash', '=', user.phone_hash).execute()
  }
  await clearRateLimitKeys(db, protector, [
    ...(phone === null ? [] : [{ bucket: 'sms_phone', key: phone }]),
    { bucket: 'profile_id_account', key: userId },
    { bucket: EXPORT_BUCKET, key: userId },
  ])
  await db.updateTable('users').set({ phone_hash: null, phone_ciphertext: null, wechat_openid: null, disabled_at: now }).where('id', '=', userId).execute()
  await recordAudit(db, clock, actor, { subjectUserId: userId, action: 'delete', resource: 'personal_data_deletion', fields: ['name', 'idNumber', 'mobile', 'medical', 'bankAccount', 'photos'] })
}
