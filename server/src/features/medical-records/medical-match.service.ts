import { careTypes, daysBetween, formatFen, type ClaimFigures } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { parseFigures, parseFlags, type StoredFlag } from '../claims/claim-json'
import type { ClaimRow } from '../claims/claims.table'
import { updateClaimRow } from '../claims/claims.repository'
import type { NotificationRow } from '../notifications/notifications.table'
import type { NewClaimMedicalMatchRow } from './claim-medical-matches.table'
import { approveClaim } from '../review/review.service'
import { isOwnCover, personHandlesClaims } from '../identity/identity.service'
import { deleteMatchRow, isOpenClaim, listRecordsOfStay, saveMatchRow } from './medical-records.repository'
import type { MedicalRecordRow } from './medical-records.table'

/** Claim kinds settled by medical insurance (the care types an out-of-pocket percentage applies to). */
const medicalKinds: ReadonlySet<string> = new Set(careTypes)

/** The settlement figures compared, with their names on the slip. */
const comparedFigures = [
  { field: 'totalCostFen', label: '医疗费用总额', record: 'total_cost_fen' },
  { field: 'pooledOutOfPocketFen', label: '统筹段自付', record: 'pooled_out_of_pocket_fen' },
  { field: 'supplementaryOutOfPocketFen', label: '附加段自付', record: 'supplementary_out_of_pocket_fen' },
  { field: 'deductiblePaidFen', label: '起付线', record: 'deductible_fen' },
] as const satisfies readonly { field: keyof ClaimFigures; label: string; record: keyof MedicalRecordRow }[]

export interface FigureDifference {
  field: keyof ClaimFigures
  label: string
  claimed: number | null
  record: number
}

export interface MedicalMatch {
  record: MedicalRecordRow
  /** Empty: every figure agrees (the claim is verified). */
  differences: FigureDifference[]
}

/** Days in hospital as medical insurance counts them (admission day counted, discharge day not; at least 1). */
export function hospitalDaysOf(record: Pick<MedicalRecordRow, 'admitted_on' | 'discharged_on'>): number {
  return Math.max(1, daysBetween(record.admitted_on, record.discharged_on))
}

/**
 * The claimed figures against the record's. A figure the claim leaves out
 * counts as 0 (what the engine pays on); days in hospital, when claimed, must
 * be the stay's.
 */
export function figureDifferences(figures: ClaimFigures, record: MedicalRecordRow): FigureDifference[] {
  const differences: FigureDifference[] = []
  for (const f of comparedFigures) {
    const claimed = figures[f.field] ?? 0
    if (claimed !== record[f.record]) differences.push({ field: f.field, label: f.label, claimed: figures[f.field] ?? null, record: record[f.record] })
  }
  if (figures.hospitalDays !== undefined && figures.hospitalDays !== hospitalDaysOf(record)) {
    differences.push({ field: 'hospitalDays', label: '住院天数', claimed: figures.hospitalDays, record: hospitalDaysOf(record) })
  }
  return differences
}

/**
 * The imported medical-insurance record of a claim: same insured person (by the
 * keyed hash of the ID number), a kind settled by medical insurance (inpatient,
 * outpatient serious illness, family sickbed), and a stay holding the event
 * date (an admission on that date first). With the figures that differ.
 */
export async function matchMedicalRecord(db: Db, claim: Pick<ClaimRow, 'insured_person_id' | 'kind' | 'event_date' | 'figures'>): Promise<MedicalMatch | null> {
  if (!medicalKinds.has(claim.kind)) return null
  return matchAmong(claim, await listRecordsOfStay(db, claim.insured_person_id, claim.event_date))
}

/** matchMedicalRecord over the person's records whose stay holds the event date (latest admission first). */
export function matchAmong(claim: Pick<ClaimRow, 'kind' | 'event_date' | 'figures'>, records: readonly MedicalRecordRow[]): MedicalMatch | null {
  if (!medicalKinds.has(claim.kind)) return null
  const record = records.find((r) => r.admitted_on === claim.event_date) ?? records[0]
  if (!record) return null
  return { record, differences: figureDifferences(parseFigures(claim.figures), record) }
}

const describe = (d: FigureDifference) => (d.field === 'hospitalDays'
  ? `${d.label}申报 ${d.claimed ?? '未填'} 天，医保 ${d.record} 天`
  : `${d.label}申报 ${d.claimed === null ? '未填' : `${formatFen(d.claimed)} 元`}，医保 ${formatFen(d.record)} 元`)

export interface MedicalCheckDeps {
  clock: Clock
  catalogues: CatalogueStore
}

export const STRAIGHT_THROUGH_NOTE = '申报金额与医保结算数据一致，系统自动核准'

/** The history note of a straight-through approval: the record it rests on. */
export const straightThroughNote = (match: MedicalMatch) => `${STRAIGHT_THROUGH_NOTE}（${match.record.hospital}，入院 ${match.record.admitted_on}）`

/**
 * Matches an undecided claim to the imported medical-insurance records and
 * records the result: the match (verified or mismatch), and the claim's
 * `medical_figures_mismatch` flag set or cleared. Straight-through processing:
 * a claim still `submitted` that no person has decided on yet, verified, with
 * no flag at all and a positive engine estimate, is approved by the system
 * through the reviewers' approval path (caps and earlier payouts as of now),
 * unless the record was imported by the insured person themself or the person
 * holds a role that handles claims (DOMAIN.md, "Identity": a reviewer decides).
 * The engine never refuses: anything else stays for a person. Given the claim as
 * this transaction holds it; returns the member's messages (for WeChat after the
 * commit) and the claim as the check leaves it, or `undefined` when the approval
 * path wrote it (approved, or its estimate written fresh): read it again then.
 */
export async function checkClaimAgainstMedicalRecords(db: Db, deps: MedicalCheckDeps, claim: ClaimRow): Promise<MedicalCheck> {
  if (!isOpenClaim(claim.status)) return { claim, notifications: [] }
  const match = await matchMedicalRecord(db, claim)
  if (match) await saveMatchRow(db, matchRowOf(deps, claim.id, match))
  else await deleteMatchRow(db, claim.id)
  const current = await writeFlags(db, deps, claim, match)
  if (!straightThroughCandidate(current, match)) return { claim: current, notifications: [] }
  // Nobody approves their own claim through a record they imported, and a claim of someone who handles claims always goes to a reviewer.
  if (await isOwnCover(db, match.record.imported_by, current.insured_person_id)) return { claim: current, notifications: [] }
  if (await personHandlesClaims(db, current.insured_person_id)) return { claim: current, notifications: [] }
  return { claim: undefined, notifications: await approveStraightThrough(db, deps, current, match) }
}

export interface MedicalCheck {
  /** The claim after the check; undefined when the system's approval path wrote it. */
  claim: ClaimRow | undefined
  notifications: NotificationRow[]
}

/** The claim's match row: verified, or mismatch with the differing figures. */
export function matchRowOf(deps: MedicalCheckDeps, claimId: string, match: MedicalMatch): NewClaimMedicalMatchRow {
  return {
    claim_id: claimId, medical_record_id: match.record.id, result: match.differences.length === 0 ? 'verified' : 'mismatch',
    differences: JSON.stringify(match.differences.map(({ field, claimed, record }) => ({ field, claimed, record }))), matched_at: nowIso(deps.clock),
  }
}

/** Sets or clears the claim's `medical_figures_mismatch` flag (written only when the flags change); returns the claim as it now is. */
export async function writeFlags<C extends Pick<ClaimRow, 'id' | 'status' | 'flags'>>(db: Db, deps: MedicalCheckDeps, claim: C, match: MedicalMatch | null): Promise<C> {
  const previous = parseFlags(claim.flags)
  const flags: StoredFlag[] = previous.filter((f) => f.code !== 'medical_figures_mismatch')
  if (match && match.differences.length > 0) flags.push({ code: 'medical_figures_mismatch', otherClaimId: null, detail: match.differences.map(describe).join('；') })
  if (JSON.stringify(flags) === JSON.stringify(previous)) return claim
  const changes = { flags: JSON.stringify(flags), flagged: flags.length > 0 ? 1 : 0, updated_at: nowIso(deps.clock) }
  return await updateClaimRow(db, claim.id, [claim.status], changes) ? { ...claim, ...changes } : claim
}

/** Verified, still `submitted` with no decision by anyone, no flag at all, and a positive engine estimate. */
export function straightThroughCandidate(claim: Pick<ClaimRow, 'status' | 'decision' | 'flags' | 'estimate_fen'>, match: MedicalMatch | null): match is MedicalMatch {
  return match !== null && match.differences.length === 0 && claim.status === 'submitted' && claim.decision === null
    && parseFlags(claim.flags).length === 0 && claim.estimate_fen > 0
}

/** The system's approval through the reviewers' path (caps and earlier payouts as of now); the member's message, if approved. */
export async function approveStraightThrough(db: Db, deps: MedicalCheckDeps, claim: ClaimRow, match: MedicalMatch): Promise<NotificationRow[]> {
  const note = straightThroughNote(match)
  const outcome = await approveClaim(db, deps, claim, { actorUserId: null, actorRole: 'system', note })
  // The estimate no longer held (written fresh by the approval path): a person decides.
  return outcome.ok ? [outcome.value] : []
}
