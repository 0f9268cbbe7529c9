import { payingClaimStatuses } from '@huzhu/shared'
import { sql } from 'kysely'
import { forUpdate, lockRows, valuesTable } from '../../db/dialect'
import type { Db } from '../../db/open'
import { newestFirst } from '../../db/paging'
import type { ClaimHistoryRow, NewClaimHistoryRow } from './claim-history.table'
import type { NewClaimDocumentRow } from './claim-documents.table'
import type { ClaimRow, ClaimUpdate, NewClaimRow } from './claims.table'
import type { IdempotencyKeyRow } from './idempotency-keys.table'
import type { EnrolmentRow } from '../enrolments/enrolments.table'
import type { UploadRow } from '../uploads/uploads.table'

export async function insertClaimRow(db: Db, row: NewClaimRow): Promise<void> {
  await db.insertInto('claims').values(row).execute()
}

export function findClaimRow(db: Db, claimId: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('claims').selectAll().where('id', '=', claimId).executeTakeFirst()
}

/** The claim, locked until the caller's transaction ends (PostgreSQL): a second decision on it waits and reads the first's result. */
export function lockClaimRow(db: Db, claimId: string): Promise<ClaimRow | undefined> {
  return forUpdate(db, db.selectFrom('claims').selectAll().where('id', '=', claimId)).executeTakeFirst()
}

/** A claim of this member only: another member's id is simply not found. */
export function findOwnClaimRow(db: Db, userId: string, claimId: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('claims').selectAll().where('id', '=', claimId).where('member_user_id', '=', userId).executeTakeFirst()
}

/** Updates a claim only if it is still in `fromStatus`; false when it moved on meanwhile. */
export async function updateClaimRow(db: Db, claimId: string, fromStatuses: readonly string[], changes: ClaimUpdate): Promise<boolean> {
  const result = await db.updateTable('claims').set(changes).where('id', '=', claimId).where('status', 'in', fromStatuses).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Open claims whose due date was counted over `year`: material arrived before
 * the year ended (China time) and the due date is in it or later.
 */
export function listOpenClaimsCountedOver(db: Db, year: number, openStatuses: readonly string[]): Promise<Pick<ClaimRow, 'id' | 'status' | 'last_material_at' | 'due_on' | 'due_on_provisional'>[]> {
  return db
    .selectFrom('claims')
    .select(['id', 'status', 'last_material_at', 'due_on', 'due_on_provisional'])
    .where('status', 'in', openStatuses)
    .where('due_on', '>=', `${year}-01-01`)
    .where('last_material_at', '<', `${year}-12-31T16:00:00.000Z`)
    .execute()
}

/** The member's claims, newest first; `before` is the last id of the previous page. */
export function listOwnClaimRows(db: Db, userId: string, before: string | undefined, limit: number): Promise<ClaimRow[]> {
  return newestFirst(db.selectFrom('claims').selectAll().where('member_user_id', '=', userId), before, limit).execute()
}

export async function insertDocumentRows(db: Db, rows: readonly NewClaimDocumentRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('claim_documents').values([...rows]).execute()
}

export function listDocumentRows(db: Db, claimId: string) {
  return db
    .selectFrom('claim_documents')
    .innerJoin('uploads', 'uploads.id', 'claim_documents.upload_id')
    .select(['claim_documents.upload_id', 'claim_documents.kind', 'uploads.media_type', 'uploads.size', 'uploads.sha256'])
    .where('claim_documents.claim_id', '=', claimId)
    .orderBy('claim_documents.added_at')
    .orderBy('claim_documents.upload_id')
    .execute()
}

/**
 * The caller's own uploads among these ids, each with the claim it is already material of (null: none),
 * in one query: the uploads a claim may take.
 */
export function findOwnUploadsWithClaim(db: Db, userId: string, uploadIds: readonly string[]): Promise<(UploadRow & { attached_claim_id: string | null })[]> {
  if (uploadIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('uploads')
    .leftJoin('claim_documents', 'claim_documents.upload_id', 'uploads.id')
    .selectAll('uploads')
    .select('claim_documents.claim_id as attached_claim_id')
    .where('uploads.owner_user_id', '=', userId)
    .where('uploads.id', 'in', uploadIds)
    .execute()
}

/** Another claim holding material with one of these content hashes. */
export function otherClaimWithPhoto(db: Db, claimId: string, sha256s: readonly string[]) {
  if (sha256s.length === 0) return Promise.resolve(undefined)
  return db
    .selectFrom('claim_documents')
    .innerJoin('uploads', 'uploads.id', 'claim_documents.upload_id')
    .select('claim_documents.claim_id')
    .where('uploads.sha256', 'in', sha256s)
    .where('claim_documents.claim_id', '!=', claimId)
    .orderBy('claim_documents.claim_id')
    .executeTakeFirst()
}

export async function replaceInvoiceRows(db: Db, claimId: string, numbers: readonly string[]): Promise<void> {
  await db.deleteFrom('claim_invoices').where('claim_id', '=', claimId).execute()
  await insertInvoiceRows(db, claimId, numbers)
}

/** The invoice numbers of a claim that has none yet (a new claim). */
export async function insertInvoiceRows(db: Db, claimId: string, numbers: readonly string[]): Promise<void> {
  if (numbers.length > 0) await db.insertInto('claim_invoices').values(numbers.map((n) => ({ claim_id: claimId, invoice_number: n }))).execute()
}

/** Another claim with one of these invoice numbers. */
export function otherClaimWithInvoice(db: Db, claimId: string, numbers: readonly string[]) {
  if (numbers.length === 0) return Promise.resolve(undefined)
  return db
    .selectFrom('claim_invoices')
    .select('claim_id')
    .where('invoice_number', 'in', numbers)
    .where('claim_id', '!=', claimId)
    .orderBy('claim_id')
    .executeTakeFirst()
}

export async function insertHistoryRow(db: Db, row: NewClaimHistoryRow): Promise<void> {
  await db.insertInto('claim_history').values(row).execute()
}

export function listHistoryRows(db: Db, claimId: string): Promise<ClaimHistoryRow[]> {
  return db.selectFrom('claim_history').selectAll().where('claim_id', '=', claimId).orderBy('id').execute()
}

/** Approved, paying or paid claims of a person under a catalogue (their approved lines count against caps). */
export function listDecidedClaimRows(db: Db, insuredPersonId: string, catalogueId: string, exceptClaimId: string): Promise<ClaimRow[]> {
  return db
    .selectFrom('claims')
    .selectAll()
    .where('insured_person_id', '=', insuredPersonId)
    .where('catalogue_id', '=', catalogueId)
    .where('status', 'in', payingClaimStatuses)
    .where('id', '!=', exceptClaimId)
    .execute()
}

export function findIdempotencyKey(db: Db, userId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst()
}

/**
 * Takes the key for this request, or finds it taken: false when the key is the
 * user's already. The primary key decides, so of concurrent requests with one
 * key exactly one takes it; on PostgreSQL the others wait here until that one
 * commits (and then find its row) or rolls back (and then take the key).
 */
export async function claimIdempotencyKey(db: Db, row: IdempotencyKeyRow): Promise<boolean> {
  const result = await db.insertInto('idempotency_keys').values(row).onConflict((oc) => oc.columns(['user_id', 'key']).doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1
}

/** An enrolment with its insured person's sex and name (`person_name`). */
function enrolmentWithPerson(db: Db, enrolmentId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('insured_persons', 'insured_persons.id', 'enrolments.insured_person_id')
    .selectAll('enrolments')
    .select(['insured_persons.sex', 'insured_persons.name as person_name'])
    .where('enrolments.id', '=', enrolmentId)
}

/**
 * The claimant's account and then the insured person's row, locked in the order
 * a PIPL deletion takes them (data-requests, `lockPersonRows`): a claim and an
 * erasure of the same person run one after the other, and the later one sees
 * what the earlier wrote. Returns whether the account is still in use.
 */
export async function lockClaimantAccount(db: Db, userId: string): Promise<{ disabled_at: string | null } | undefined> {
  return forUpdate(db, db.selectFrom('users').select('disabled_at').where('id', '=', userId)).executeTakeFirst()
}

export async function lockInsuredPerson(db: Db, insuredPersonId: string): Promise<void> {
  await lockRows(db, () => db.selectFrom('insured_persons').select('id').where('id', '=', insuredPersonId))
}

/** The enrolment with its insured person, if this account is linked to the person (DOMAIN.md, "Identity"). */
export function findEnrolmentOfAccount(db: Db, enrolmentId: string, userId: string) {
  return enrolmentWithPerson(db, enrolmentId)
    .select('insured_persons.birth_date')
    .innerJoin('person_accounts', 'person_accounts.insured_person_id', 'enrolments.insured_person_id')
    .where('person_accounts.user_id', '=', userId)
    .executeTakeFirst()
}

export function findEnrolmentWithPerson(db: Db, enrolmentId: string) {
  return enrolmentWithPerson(db, enrolmentId).executeTakeFirst()
}

/** The insured person's name of each of these enrolments (at most a page of them), by enrolment id. */
export async function personNamesOfEnrolments(db: Db, enrolmentIds: readonly string[]): Promise<Map<string, string>> {
  if (enrolmentIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('enrolments')
    .innerJoin('insured_persons', 'insured_persons.id', 'enrolments.insured_person_id')
    .select(['enrolments.id', 'insured_persons.name'])
    .where('enrolments.id', 'in', [...new Set(enrolmentIds)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** The person's active enrolments under a catalogue (two units may enrol the same person). */
export function listActiveEnrolmentRows(db: Db, insuredPersonId: string, catalogueId: string) {
  return db
    .selectFrom('enrolments')
    .selectAll()
    .where('insured_person_id', '=', insuredPersonId)
    .where('catalogue_id', '=', catalogueId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute()
}

/*
 * Many claims at once (the system's straight-through approvals of an import):
 * each read or write below is one statement for a part of at most PART rows.
 */
const PART = 500
const partsOf = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / PART) }, (_, i) => items.slice(i * PART, (i + 1) * PART))

/** The columns of a claim the system's approval reads first (what it decides on is read again under lock: ClaimDecisionState). */
export const systemApprovalColumns = ['id', 'member_user_id', 'enrolment_id', 'insured_person_id', 'kind', 'event_date', 'figures', 'due_on', 'status', 'decision', 'flags', 'estimate_fen'] as const
export type SystemApprovalClaim = Pick<ClaimRow, (typeof systemApprovalColumns)[number]>

/** What a decision on a claim depends on, as it is now. */
export type ClaimDecisionState = Pick<ClaimRow, 'id' | 'status' | 'decision' | 'flags' | 'estimate_fen' | 'estimate_lines'>

/** lockClaimRow for many claims (in id order), in one statement per part: what a decision depends on. */
export async function lockClaimRows(db: Db, claimIds: readonly string[]): Promise<ClaimDecisionState[]> {
  const rows: ClaimDecisionState[] = []
  for (const part of partsOf([...new Set(claimIds)].sort())) {
    rows.push(...await forUpdate(db, db.selectFrom('claims').select(['id', 'status', 'decision', 'flags', 'estimate_fen', 'estimate_lines']).where('id', 'in', part).orderBy('id')).execute())
  }
  return rows
}

/** The enrolment columns a claim's cover is computed from (coverOfEnrolment), with its status and person. */
export const coverColumns = ['id', 'insured_person_id', 'catalogue_id', 'mode', 'status', 'products', 'accepted_on', 'start_on', 'end_on', 'cover_from'] as const
export type CoverRow = Pick<EnrolmentRow, (typeof coverColumns)[number]>

/**
 * Every enrolment of many persons, whatever its status (a claim's own enrolment
 * may have ended; the active ones are the covers that overlap it), with the
 * person's sex: one read per part for what findEnrolmentWithPerson and
 * listActiveEnrolmentRows give one claim (by person, then id). Only the cover
 * columns: the premium lines are never needed to pay a claim.
 */
export async function listCoverRowsOfPersons(db: Db, insuredPersonIds: readonly string[]): Promise<(CoverRow & { sex: string })[]> {
  const rows = []
  for (const part of partsOf([...new Set(insuredPersonIds)])) {
    rows.push(...await db.selectFrom('enrolments').innerJoin('insured_persons', 'insured_persons.id', 'enrolments.insured_person_id')
      .select(coverColumns.map((c) => `enrolments.${c}` as const)).select('insured_persons.sex')
      .where('enrolments.insured_person_id', 'in', part).orderBy('enrolments.insured_person_id').orderBy('enrolments.id').execute())
  }
  return rows
}

/** listDecidedClaimRows for many persons, every catalogue (only the columns prior payouts need; the status tested here, as above). */
export async function listDecidedClaimRowsOfPersons(db: Db, insuredPersonIds: readonly string[]): Promise<Pick<ClaimRow, 'id' | 'insured_person_id' | 'catalogue_id' | 'event_date' | 'decision'>[]> {
  const rows = []
  const paying: ReadonlySet<string> = new Set(payingClaimStatuses)
  for (const part of partsOf([...new Set(insuredPersonIds)])) {
    const ofPart = await db.selectFrom('claims').select(['id', 'insured_person_id', 'catalogue_id', 'event_date', 'decision', 'status'])
      .where('insured_person_id', 'in', part).orderBy('id').execute()
    for (const { status, ...row } of ofPart) if (paying.has(status)) rows.push(row)
  }
  return rows
}

export async function insertHistoryRows(db: Db, rows: readonly NewClaimHistoryRow[]): Promise<void> {
  for (const part of partsOf(rows)) await db.insertInto('claim_history').values(part).execute()
}

export interface ApprovedClaimWrite {
  id: string
  decision: string
  approvedFen: number
}

/**
 * Approves many claims by the system (no person decided): status, decision and
 * amount per claim, one `UPDATE … FROM (VALUES …)` per part, only from
 * `fromStatuses`. Returns how many rows changed.
 */
export async function approveClaimRowsBySystem(db: Db, rows: readonly ApprovedClaimWrite[], fromStatuses: readonly string[], at: string): Promise<number> {
  let changed = 0
  for (const part of partsOf(rows)) {
    const values = valuesTable(db, 'v', ['text', 'text', 'money'], part.map((r) => [r.id, r.decision, r.approvedFen]))
    const result = await sql`update claims set status = ${'approved'}, decision = v.column2, approved_fen = v.column3, decided_by = null, updated_at = ${at}
      from ${values} where claims.id = v.column1 and claims.status in (${sql.join(fromStatuses)})`.execute(db)
    changed += Number(result.numAffectedRows ?? 0n)
  }
  return changed
}
