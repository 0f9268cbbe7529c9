import { createHash } from 'node:crypto'
import { ageOn, type CivilDate, type ClaimFigures, type DocumentKind, type EventKind } from '@huzhu/shared'
import { nowIso, todayInChina, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError, notFound } from '../../http/errors'
import type { AuthUser } from '../../http/context'
import { newId } from '../../ids'
import { hasAnyRole } from '../accounts/access'
import type { AuditActor } from '../audit/audit.service'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { checkClaimAgainstMedicalRecords } from '../medical-records/medical-match.service'
import { findProfileRow } from '../members/members.repository'
import { payeeAccountForClaim } from '../payee-accounts/payee-accounts.service'
import type { NotificationRow } from '../notifications/notifications.table'
import { assertMedicalConsent } from '../uploads/uploads.service'
import type { UploadRow } from '../uploads/uploads.table'
import { assessClaim } from './claim-assessment.service'
import { dueDateFor } from './claim-due-dates'
import { auditClaimRead } from './claim-audit'
import { changeClaim, notifyMember, recordHistory, statusConflict } from './claim-changes.service'
import { parseFigures, parseStrings, stableJson } from './claim-json'
import type { ClaimRow } from './claims.table'
import {
  claimIdempotencyKey, findClaimRow, findEnrolmentOfAccount, findEnrolmentWithPerson, findIdempotencyKey, findOwnClaimRow, findOwnUploadsWithClaim,
  insertClaimRow, insertDocumentRows, insertInvoiceRows, listDocumentRows, lockClaimantAccount, lockInsuredPerson, replaceInvoiceRows,
} from './claims.repository'
import type { ClaimRecordParts } from './claim-record'

export interface ClaimDeps {
  clock: Clock
  catalogues: CatalogueStore
}

export interface ClaimSubmission {
  enrolmentId: string
  kind: EventKind
  eventDate: string
  diagnosis: string
  hospital?: string | undefined
  figures: ClaimFigures
  invoiceNumbers: string[]
  documents: { uploadId: string; kind: DocumentKind }[]
  /** One of the member's payee accounts, held in their profile's name. */
  payeeAccountId: string
}

const openStatuses = ['submitted', 'in_review', 'needs_material'] as const

export interface SubmittedClaim {
  claimId: string
  /** false: the claim an earlier request with this key made. */
  created: boolean
  notifications: NotificationRow[]
  /** A new claim still submitted when the transaction ends: everything its answer shows, as written (nothing to read again). */
  written?: ClaimRecordParts
}

/** The member's own uploads, each not yet on any claim; 422 otherwise. Returns their rows. */
async function claimableUploads(db: Db, userId: string, documents: readonly { uploadId: string }[]): Promise<UploadRow[]> {
  const ids = documents.map((d) => d.uploadId)
  if (new Set(ids).size !== ids.length) throw new AppError(422, 'upload_in_use', { details: [{ path: 'documents', code: 'upload_in_use' }] })
  const own = await findOwnUploadsWithClaim(db, userId, ids)
  const missing = ids.filter((id) => !own.some((u) => u.id === id))
  if (missing.length > 0) throw new AppError(422, 'upload_not_found', { details: missing.map((uploadId) => ({ uploadId })) })
  const attached = own.filter((u) => u.attached_claim_id !== null).map((u) => u.id)
  if (attached.length > 0) throw new AppError(422, 'upload_in_use', { details: attached.map((uploadId) => ({ uploadId })) })
  return own.map(({ attached_claim_id: _claim, ...upload }) => upload)
}

const uniqueInvoices = (numbers: readonly string[]) => [...new Set(numbers.map((n) => n.toUpperCase()))]

/**
 * Submits a claim. The `Idempotency-Key` makes a retry safe: the same key with
 * the same body gives the claim made the first time (`created: false`), with
 * another body a 422. Checks: the medical_data consent, an event date not in
 * the future, an active enrolment of the caller's own person, the caller's own
 * uploads not on another claim, a payee account of the caller's own in their
 * profile's name. Computes the engine's payout, the due date and
 * the flags; writes the claim, its material, invoices, history and message.
 */
export async function submitClaim(db: Db, deps: ClaimDeps, userId: string, key: string, input: ClaimSubmission): Promise<SubmittedClaim> {
  const requestHash = createHash('sha256').update(stableJson(input)).digest('hex')
  const now = nowIso(deps.clock)
  const claimId = newId('clm', deps.clock.now())
  // The account first (a row lock on PostgreSQL, as a PIPL deletion takes it): a deletion under way finishes before
  // this reads anything, and then the account is disabled; a deletion arriving now waits and then sees this claim.
  const account = await lockClaimantAccount(db, userId)
  if (!account || account.disabled_at !== null) throw new AppError(403, 'account_disabled')
  // The key next: a retry, or the same request arriving twice at once, finds the claim of the first.
  if (!(await claimIdempotencyKey(db, { user_id: userId, key, request_hash: requestHash, resource_id: claimId, created_at: now }))) {
    const seen = (await findIdempotencyKey(db, userId, key))!
    if (seen.request_hash !== requestHash) throw new AppError(422, 'idempotency_key_reused')
    return { claimId: seen.resource_id, created: false, notifications: [] }
  }
  await assertMedicalConsent(db, userId)
  if (input.eventDate > todayInChina(deps.clock)) throw new AppError(422, 'event_date_in_future', { details: [{ path: 'eventDate', code: 'event_date_in_future' }] })
  const profile = await findProfileRow(db, userId)
  if (!profile) throw new AppError(403, 'profile_required')
  const enrolment = await findEnrolmentOfAccount(db, input.enrolmentId, userId)
  if (!enrolment || enrolment.status !== 'active') {
    throw new AppError(422, 'enrolment_not_claimable', { details: [{ path: 'enrolmentId', code: 'enrolment_not_claimable' }] })
  }
  // The person too, after the account (the deletion's order): another account linked to them may be erasing them.
  await lockInsuredPerson(db, enrolment.insured_person_id)
  const uploads = await claimableUploads(db, userId, input.documents)
  const photoHashes = uploads.map((u) => u.sha256)
  const payee = await payeeAccountForClaim(db, userId, input.payeeAccountId, profile.name)

  const invoiceNumbers = uniqueInvoices(input.invoiceNumbers)
  const { sex, person_name: _name, birth_date: birthDate, ...enrolmentRow } = enrolment
  const { payout, flags } = await assessClaim(db, deps.catalogues, {
    claimId, enrolment: enrolmentRow, sex: sex === 'F' ? 'F' : 'M', kind: input.kind, eventDate: input.eventDate,
    figures: input.figures, invoiceNumbers, photoHashes,
  })
  const due = await dueDateFor(db, now)
  const row: ClaimRow = {
    id: claimId, member_user_id: userId, enrolment_id: enrolment.id, insured_person_id: enrolment.insured_person_id,
    catalogue_id: enrolment.catalogue_id, unit_id: enrolment.unit_id, cover_start_on: enrolment.start_on, kind: input.kind, event_date: input.eventDate,
    age_at_event: ageOn(birthDate as CivilDate, input.eventDate), diagnosis: input.diagnosis,
    hospital: input.hospital ?? null, figures: JSON.stringify(input.figures), invoice_numbers: JSON.stringify(invoiceNumbers),
    status: 'submitted', submitted_at: now, last_material_at: now, due_on: due.date, due_on_provisional: due.calendarPublished ? 0 : 1,
    estimate_fen: payout.totalFen, estimate_lines: JSON.stringify(payout.lines), flags: JSON.stringify(flags), flagged: flags.length > 0 ? 1 : 0,
    decision: null, approved_fen: null, decided_by: null, payee_account_id: payee.id, payment_batch_id: null, payment_reference: null, paid_at: null, paid_on: null, paid_working_days: null,
    created_at: now, updated_at: now,
  }
  await insertClaimRow(db, row)
  await insertDocumentRows(db, input.documents.map((d) => ({ upload_id: d.uploadId, claim_id: claimId, kind: d.kind, added_at: now })))
  await insertInvoiceRows(db, claimId, invoiceNumbers)
  const history = await recordHistory(db, deps, claimId, 'submitted', userId, 'member', null)
  const notifications = [await notifyMember(db, deps, row)]
  // Matched to an imported medical-insurance record: verified or flagged; approved at once when nothing is in doubt.
  const check = await checkClaimAgainstMedicalRecords(db, deps, row)
  notifications.push(...check.notifications)
  // The claim as this transaction leaves it (the check may have flagged it). Still submitted: its record is what was
  // written here, and the answer needs no other read. Approved straight through: more history, read after the commit.
  const written = check.claim ?? (await findClaimRow(db, claimId))!
  if (written.status !== row.status) return { claimId, created: true, notifications }
  const documents = input.documents
    .map((d) => {
      const upload = uploads.find((u) => u.id === d.uploadId)!
      return { upload_id: d.uploadId, kind: d.kind, media_type: upload.media_type, size: upload.size, sha256: upload.sha256 }
    })
    // As listDocumentRows orders them (all added now).
    .sort((a, b) => (a.upload_id < b.upload_id ? -1 : a.upload_id > b.upload_id ? 1 : 0))
  return {
    claimId, created: true, notifications,
    written: { row: written, documents, history: [history], enrolment, payee, lastPaymentLine: null },
  }
}

const claimReaders = ['reviewer', 'staff', 'admin'] as const

/**
 * A claim for someone who may read it: its member, or a reviewer, staff or an
 * admin (then the read of the medical data is audited). Anyone else: not found.
 */
export async function claimForReader(db: Db, deps: ClaimDeps, user: AuthUser, claimId: string, actor: AuditActor): Promise<ClaimRow> {
  const own = await findOwnClaimRow(db, user.id, claimId)
  if (own) return own
  if (!hasAnyRole(user, claimReaders)) throw notFound()
  const row = await findClaimRow(db, claimId)
  if (!row) throw notFound()
  await auditClaimRead(db, deps.clock, actor, row)
  return row
}

async function ownClaim(db: Db, userId: string, claimId: string): Promise<ClaimRow> {
  const row = await findOwnClaimRow(db, userId, claimId)
  if (!row) throw notFound()
  return row
}

/** The member withdraws a claim not yet decided; a decided one is a 409. */
export async function withdrawClaim(db: Db, deps: ClaimDeps, userId: string, claimId: string, note: string | undefined): Promise<NotificationRow> {
  const claim = await ownClaim(db, userId, claimId)
  if (!(openStatuses as readonly string[]).includes(claim.status)) throw statusConflict(claim.status, 'claim_not_withdrawable')
  return changeClaim(db, deps, claim, { from: openStatuses, to: 'withdrawn', actorUserId: userId, actorRole: 'member', note: note ?? null })
}

export interface MaterialInput {
  documents: { uploadId: string; kind: DocumentKind }[]
  figures?: ClaimFigures | undefined
  invoiceNumbers?: string[] | undefined
  note?: string | undefined
}

/**
 * The member sends the material a reviewer asked for: new documents, and
 * figures or invoice numbers when given. The claim is submitted again, the last
 * material is now (a new due date), the payout and flags are computed again.
 */
export async function addMaterial(db: Db, deps: ClaimDeps, userId: string, claimId: string, input: MaterialInput): Promise<NotificationRow> {
  const claim = await ownClaim(db, userId, claimId)
  if (claim.status !== 'needs_material') throw statusConflict(claim.status, 'claim_material_not_requested')
  if (input.documents.length === 0 && !input.figures && !input.invoiceNumbers) throw new AppError(422, 'claim_documents_required')
  await claimableUploads(db, userId, input.documents)
  const now = nowIso(deps.clock)
  await insertDocumentRows(db, input.documents.map((d) => ({ upload_id: d.uploadId, claim_id: claimId, kind: d.kind, added_at: now })))
  const invoiceNumbers = input.invoiceNumbers ? uniqueInvoices(input.invoiceNumbers) : parseStrings(claim.invoice_numbers)
  if (input.invoiceNumbers) await replaceInvoiceRows(db, claimId, invoiceNumbers)
  const figures = input.figures ?? parseFigures(claim.figures)
  const enrolment = await findEnrolmentWithPerson(db, claim.enrolment_id)
  if (!enrolment) throw notFound()
  const { sex, person_name: _name, ...enrolmentRow } = enrolment
  const photoHashes = (await listDocumentRows(db, claimId)).map((d) => d.sha256)
  const { payout, flags } = await assessClaim(db, deps.catalogues, {
    claimId, enrolment: enrolmentRow, sex: sex === 'F' ? 'F' : 'M', kind: claim.kind as EventKind, eventDate: claim.event_date,
    figures, invoiceNumbers, photoHashes,
  })
  const due = await dueDateFor(db, now)
  const note = await changeClaim(db, deps, claim, {
    from: ['needs_material'], to: 'submitted', actorUserId: userId, actorRole: 'member', note: input.note ?? null,
    changes: {
      figures: JSON.stringify(figures), invoice_numbers: JSON.stringify(invoiceNumbers), last_material_at: now, due_on: due.date, due_on_provisional: due.calendarPublished ? 0 : 1,
      estimate_fen: payout.totalFen, estimate_lines: JSON.stringify(payout.lines), flags: JSON.stringify(flags), flagged: flags.length > 0 ? 1 : 0,
    },
  })
  // Matched again with the new figures. A claim sent back for material carries a person's decision: never approved
  // straight through, so no further message comes of it.
  await checkClaimAgainstMedicalRecords(db, deps, (await findClaimRow(db, claimId))!)
  return note
}

