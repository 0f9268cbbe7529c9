import type { Clock } from '../../clock'
import type { Db } from '../../db/open'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import type { ClaimRow } from './claims.table'

/** What a reviewer, staff or an admin reads of a claim that is not theirs: its medical data, and the medical-insurance record matched to it. */
const CLAIM_MEDICAL_FIELDS = ['diagnosis', 'figures', 'documents', 'medicalRecord'] as const

/** Audits a read of the claim's medical data by someone other than its member (in the caller's transaction). */
export async function auditClaimRead(db: Db, clock: Clock, actor: AuditActor, claim: Pick<ClaimRow, 'member_user_id'>): Promise<void> {
  await recordAudit(db, clock, actor, { subjectUserId: claim.member_user_id, action: 'read', resource: 'claim', fields: CLAIM_MEDICAL_FIELDS })
}
