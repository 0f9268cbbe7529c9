import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError, notFound } from '../../http/errors'
import { newId } from '../../ids'
import type { AuthUser } from '../../http/context'
import { hasAnyRole } from '../accounts/access'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import { activeConsentRow } from '../members/members.repository'
import type { ReceivedFile } from './upload-files'
import { findUploadClaim, findUploadRow, insertUploadRow } from './uploads.repository'
import type { UploadRow } from './uploads.table'

/** Medical material needs the member's separate consent (PIPL art. 29) before it is collected. */
export async function assertMedicalConsent(db: Db, userId: string, headers?: Record<string, string>): Promise<void> {
  if (!(await activeConsentRow(db, userId, 'medical_data'))) {
    throw new AppError(403, 'consent_required', { details: [{ kind: 'medical_data' }], ...(headers ? { headers } : {}) })
  }
}

/** Records a received file as the uploader's (the file itself is already in place). */
export async function recordUpload(db: Db, clock: Clock, ownerId: string, file: ReceivedFile): Promise<UploadRow> {
  const row: UploadRow = {
    id: newId('upl', clock.now()),
    owner_user_id: ownerId,
    sha256: file.sha256,
    media_type: file.mediaType,
    size: file.size,
    width: file.width,
    height: file.height,
    created_at: nowIso(clock),
  }
  await insertUploadRow(db, row)
  return row
}

const claimReaders = ['reviewer', 'staff', 'admin'] as const

/**
 * An upload its owner may always read; a reviewer, staff or an admin only once
 * it is material of a claim, and that read is audited. Anyone else: not found.
 */
export async function uploadForReader(db: Db, clock: Clock, user: AuthUser, uploadId: string, actor: AuditActor): Promise<UploadRow> {
  const row = await findUploadRow(db, uploadId)
  if (!row) throw notFound()
  if (row.owner_user_id === user.id) return row
  if (!hasAnyRole(user, claimReaders)) throw notFound()
  const claim = await findUploadClaim(db, uploadId)
  if (!claim) throw notFound()
  await recordAudit(db, clock, actor, { subjectUserId: claim.member_user_id, action: 'read', resource: 'claim_document', fields: [uploadId] })
  return row
}
