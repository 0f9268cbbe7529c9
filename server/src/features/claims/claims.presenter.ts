import { maskName, openClaimStatuses, type Claim, type ClaimMedicalRecord, type ClaimStatus, type ClaimSummary, type DocumentKind, type EventKind } from '@huzhu/shared'
import type { z } from 'zod'
import type { claimFlagSchema } from '@huzhu/shared'
import { parseDecision, parseFigures, parseFlags, parseLines, parseStrings, type ClaimFlagCode, type StoredFlag } from './claim-json'
import type { ClaimRecord } from './claim-record'
import type { ClaimRow } from './claims.table'

/**
 * Who looks decides what they see: the member and a reviewer see the name in
 * full, staff and admins masked; flags and the matched medical-insurance record
 * are for reviewers, staff and admins only.
 */
export interface ClaimViewer {
  fullName: boolean
  flags: boolean
  medicalRecord: boolean
  /** Today in China, for `overdue`. */
  today: string
}

const flagTexts: Readonly<Record<ClaimFlagCode, string>> = {
  duplicate_photo: '同一张照片（内容相同）已用于另一笔理赔',
  duplicate_invoice: '同一发票号码已用于另一笔理赔',
  waiting_period: '事故日期在等待期内',
  outside_cover: '事故日期不在保障期内',
  overlapping_cover: '同一人通过两个单位参保，保障期重叠',
  amount_changed: '审核人员修改了测算金额',
  sampled: '已抽检复核',
  medical_figures_mismatch: '申报金额与医保结算数据不一致',
}

function presentFlags(stored: StoredFlag[], viewer: ClaimViewer): z.infer<typeof claimFlagSchema>[] {
  if (!viewer.flags) return []
  return stored.map((f) => ({ code: f.code, message: f.detail ? `${flagTexts[f.code]}：${f.detail}` : flagTexts[f.code], otherClaimId: f.otherClaimId }))
}

export function isOverdue(row: Pick<ClaimRow, 'status' | 'due_on'>, today: string): boolean {
  return (row.status === 'submitted' || row.status === 'in_review') && row.due_on < today
}

/** An open claim's due date counted over a year the holiday calendar does not hold yet; a decided claim's due date is past concern. */
export function isDueOnProvisional(row: Pick<ClaimRow, 'status' | 'due_on_provisional'>): boolean {
  return (openClaimStatuses as readonly string[]).includes(row.status) && row.due_on_provisional === 1
}

/** The columns a claim summary shows (and its viewer needs): what a list such as the reviewer queue reads. */
export const claimSummaryColumns = [
  'id', 'member_user_id', 'enrolment_id', 'catalogue_id', 'kind', 'event_date', 'status', 'submitted_at', 'due_on', 'due_on_provisional',
  'flags', 'estimate_fen', 'approved_fen', 'payee_account_id',
] as const satisfies readonly (keyof ClaimRow)[]
export type ClaimSummaryRow = Pick<ClaimRow, (typeof claimSummaryColumns)[number]>

export function presentClaimSummary(row: ClaimSummaryRow, personName: string, viewer: ClaimViewer): ClaimSummary {
  return {
    id: row.id,
    enrolmentId: row.enrolment_id,
    catalogueId: row.catalogue_id,
    personName: viewer.fullName ? personName : maskName(personName),
    kind: row.kind as EventKind,
    eventDate: row.event_date,
    status: row.status as ClaimStatus,
    submittedAt: row.submitted_at,
    dueOn: row.due_on,
    dueOnProvisional: isDueOnProvisional(row),
    overdue: isOverdue(row, viewer.today),
    flags: presentFlags(parseFlags(row.flags), viewer),
    estimateFen: row.estimate_fen,
    approvedFen: row.approved_fen,
    hasPayeeAccount: row.payee_account_id !== null,
  }
}

/** The payment as the claim shows it: recorded (paid), and the bank's date when it came from a results file. */
function presentPayment({ row, lastPaymentLine: line }: ClaimRecord): Claim['payment'] {
  if (row.payment_reference === null || row.paid_at === null) return null
  return { reference: row.payment_reference, paidAt: row.paid_at, paidOn: line?.result === 'paid' ? line.settled_on : null }
}

/** While an approved claim awaits payment again after the bank could not pay it: the bank's reason, and whether the member has chosen another account since. */
function presentPaymentFailure({ row, lastPaymentLine: line }: ClaimRecord): Claim['paymentFailure'] {
  if (row.status !== 'approved' || line?.result !== 'failed') return null
  return { reason: line.failure_reason ?? '', failedOn: line.settled_on ?? '', accountChanged: row.payee_account_id !== line.payee_account_id }
}

/** `medicalRecord`: the matched record (null: none), read only for a viewer who may see it. */
export function presentClaim(record: ClaimRecord, viewer: ClaimViewer, medicalRecord?: ClaimMedicalRecord | null): Claim {
  const { row } = record
  const decision = parseDecision(row.decision)
  return {
    id: row.id,
    enrolmentId: row.enrolment_id,
    catalogueId: row.catalogue_id,
    products: record.products,
    personName: viewer.fullName ? record.personName : maskName(record.personName),
    kind: row.kind as EventKind,
    eventDate: row.event_date,
    diagnosis: row.diagnosis,
    hospital: row.hospital,
    figures: parseFigures(row.figures),
    invoiceNumbers: parseStrings(row.invoice_numbers),
    documents: record.documents.map((d) => ({ uploadId: d.upload_id, kind: d.kind as DocumentKind, mediaType: d.media_type, size: d.size })),
    status: row.status as ClaimStatus,
    submittedAt: row.submitted_at,
    lastMaterialAt: row.last_material_at,
    dueOn: row.due_on,
    dueOnProvisional: isDueOnProvisional(row),
    overdue: isOverdue(row, viewer.today),
    estimate: { totalFen: row.estimate_fen, lines: parseLines(row.estimate_lines) },
    decision: decision && {
      decidedAt: decision.decidedAt,
      approvedFen: decision.approvedFen,
      lines: decision.lines,
      refusal: decision.refusal,
      missing: decision.missing,
      note: decision.note,
    },
    payeeAccount: record.payee && {
      id: record.payee.row.id,
      holderName: viewer.fullName ? record.payee.row.holder_name : maskName(record.payee.row.holder_name),
      bankName: record.payee.row.bank_name,
      numberMasked: record.payee.numberMasked,
    },
    payment: presentPayment(record),
    paymentFailure: presentPaymentFailure(record),
    flags: presentFlags(parseFlags(row.flags), viewer),
    history: record.history.map((h) => ({
      at: h.at, status: h.status as ClaimStatus, actorRole: h.actor_role as 'member' | 'reviewer' | 'staff' | 'system', note: h.note,
    })),
    ...(viewer.medicalRecord ? { medicalRecord: medicalRecord ?? null } : {}),
  }
}
