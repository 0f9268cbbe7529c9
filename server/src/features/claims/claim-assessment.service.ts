import {
  computePayout, coverDates, toSelection,
  type Catalogue, type ClaimFigures, type Cover, type EnrolmentMode, type EventKind, type Payout, type PayoutLine, type PriorPayout, type Sex,
} from '@huzhu/shared'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import type { EnrolmentRow } from '../enrolments/enrolments.table'
import { parseDecision, parseFigures, type StoredFlag } from './claim-json'
import type { ClaimRow } from './claims.table'
import { findEnrolmentWithPerson, listActiveEnrolmentRows, listDecidedClaimRows, otherClaimWithInvoice, otherClaimWithPhoto } from './claims.repository'

export function catalogueOf(catalogues: CatalogueStore, id: string): Catalogue {
  const catalogue = catalogues.get(id)
  if (!catalogue) throw new AppError(422, 'unknown_catalogue')
  return catalogue
}

/** An enrolment row as the engine's cover. */
export function coverOfEnrolment(catalogue: Catalogue, row: Pick<EnrolmentRow, 'catalogue_id' | 'mode' | 'accepted_on' | 'products' | 'start_on' | 'end_on' | 'cover_from'>): Cover {
  const dates = coverDates(catalogue, row.mode as EnrolmentMode, row.accepted_on)
  return {
    catalogueId: row.catalogue_id,
    selection: toSelection(JSON.parse(row.products) as string[]),
    start: row.start_on,
    end: row.end_on,
    planYear: dates.ok ? dates.value.planYear : { start: row.start_on, end: row.end_on },
    coverFrom: JSON.parse(row.cover_from) as Record<string, string>,
  }
}

export interface AssessmentInput {
  claimId: string
  enrolment: EnrolmentRow
  sex: Sex
  kind: EventKind
  eventDate: string
  figures: ClaimFigures
  invoiceNumbers: readonly string[]
  photoHashes: readonly string[]
}

export interface Assessment {
  payout: Payout
  flags: StoredFlag[]
}

/** The engine's inputs for a claim: the catalogue, every active cover the person holds under it, earlier payouts. */
async function engineInputs(db: Db, catalogues: CatalogueStore, claimId: string, enrolment: EnrolmentRow) {
  const catalogue = catalogueOf(catalogues, enrolment.catalogue_id)
  const others = (await listActiveEnrolmentRows(db, enrolment.insured_person_id, enrolment.catalogue_id)).filter((e) => e.id !== enrolment.id)
  const covers = [enrolment, ...others].map((row) => coverOfEnrolment(catalogue, row))
  return { catalogue, covers, prior: await priorPayouts(db, enrolment.insured_person_id, enrolment.catalogue_id, claimId) }
}

/** Benefits paid once a plan year: a line of theirs on an approved claim counts as paid whatever its amount. */
const onceAYearRules: ReadonlySet<string> = new Set(['fixed_sum', 'death_sum'])
/** Benefits whose total in a plan year is capped (the cap is in the catalogue). */
export const cappedRules: ReadonlySet<string> = new Set(['percent_of_out_of_pocket', 'daily_allowance', 'deductible_refund', 'disability_by_grade'])

/**
 * What the person's approved or paid claims (never `exceptClaimId`, never a
 * rejected or withdrawn one) paid, line by line: the engine counts those in the
 * same plan year against annual caps and once-a-year sums. A once-a-year benefit
 * approved at a reduced amount still counts as paid (at least 1 fen, so the
 * engine sees it; such benefits have no cap the fen could eat into).
 */
export async function priorPayouts(db: Db, insuredPersonId: string, catalogueId: string, exceptClaimId: string): Promise<PriorPayout[]> {
  return priorPayoutsOf(await listDecidedClaimRows(db, insuredPersonId, catalogueId, exceptClaimId))
}

/** priorPayouts over decided claims already read (approved, paying or paid ones of one person under one catalogue). */
export function priorPayoutsOf(claims: readonly Pick<ClaimRow, 'decision' | 'catalogue_id' | 'event_date'>[]): PriorPayout[] {
  const prior: PriorPayout[] = []
  for (const claim of claims) {
    for (const line of parseDecision(claim.decision)?.lines ?? []) {
      if (line.benefit === null || line.refusal !== null) continue
      const amountFen = onceAYearRules.has(line.rule) ? Math.max(1, line.amountFen) : line.amountFen
      if (amountFen > 0) prior.push({ catalogueId: claim.catalogue_id, product: line.product, benefit: line.benefit, eventDate: claim.event_date, amountFen })
    }
  }
  return prior
}

const eventOf = (kind: EventKind, date: string, figures: ClaimFigures) => ({
  kind, date,
  pooledOutOfPocketFen: figures.pooledOutOfPocketFen, supplementaryOutOfPocketFen: figures.supplementaryOutOfPocketFen,
  hospitalDays: figures.hospitalDays, deductiblePaidFen: figures.deductiblePaidFen,
  inSitu: figures.inSitu, femaleCancer: figures.femaleCancer, disabilityGrade: figures.disabilityGrade,
})

/** Figures large enough that every capped benefit pays exactly what is left of its cap. */
const UNBOUNDED_FEN = 100_000_000_000
const UNBOUNDED_DAYS = 1_000_000

export const benefitKey = (line: Pick<PayoutLine, 'product' | 'benefit'>) => `${line.product}/${line.benefit ?? ''}`

/**
 * The most this claim may pay under each product and benefit in its plan year
 * (`product/benefit` → fen): for a capped benefit what is left of its annual
 * cap after earlier approved or paid claims (the engine, fed unbounded figures,
 * pays exactly that); for a once-a-year sum what the engine pays (a fixed sum
 * is fixed). A benefit not in the map may pay nothing (no cover, waiting
 * period, already paid, overlap...). A reviewer's amount never goes above these.
 */
export function payoutLimits(catalogue: Catalogue, covers: readonly Cover[], prior: readonly PriorPayout[], sex: Sex, kind: EventKind, eventDate: string, payout: Payout): Map<string, number> {
  const limits = new Map<string, number>()
  const unbounded = computePayout(catalogue, {
    covers, sex, prior,
    event: {
      kind, date: eventDate, pooledOutOfPocketFen: UNBOUNDED_FEN, supplementaryOutOfPocketFen: UNBOUNDED_FEN,
      hospitalDays: UNBOUNDED_DAYS, deductiblePaidFen: UNBOUNDED_FEN, disabilityGrade: 1,
    },
  })
  for (const line of unbounded.lines) {
    if (line.benefit === null || line.refusal !== null || !cappedRules.has(line.rule)) continue
    limits.set(benefitKey(line), (limits.get(benefitKey(line)) ?? 0) + line.amountFen)
  }
  for (const line of payout.lines) {
    if (line.benefit === null || line.refusal !== null || !onceAYearRules.has(line.rule)) continue
    limits.set(benefitKey(line), (limits.get(benefitKey(line)) ?? 0) + line.amountFen)
  }
  return limits
}

/**
 * The engine's payout for a claim as of now (earlier approved or paid claims of
 * the person counting), with the limits a reviewer's amount must respect. Run at
 * decision time: claims approved since the estimate may have used up a cap.
 */
export async function reassessClaim(db: Db, catalogues: CatalogueStore, claim: ClaimRow): Promise<{ payout: Payout; limits: Map<string, number> }> {
  const found = await findEnrolmentWithPerson(db, claim.enrolment_id)
  if (!found) throw new AppError(422, 'enrolment_not_claimable')
  const { sex: rawSex, person_name: _name, ...enrolment } = found
  const sex: Sex = rawSex === 'F' ? 'F' : 'M'
  const { catalogue, covers, prior } = await engineInputs(db, catalogues, claim.id, enrolment)
  return reassessWith(catalogue, covers, prior, sex, claim)
}

/** reassessClaim on inputs already read: the claim's covers (its enrolment first) and the person's earlier payouts. */
export function reassessWith(catalogue: Catalogue, covers: readonly Cover[], prior: readonly PriorPayout[], sex: Sex, claim: Pick<ClaimRow, 'kind' | 'event_date' | 'figures'>): { payout: Payout; limits: Map<string, number> } {
  const kind = claim.kind as EventKind
  const payout = computePayout(catalogue, { covers: [...covers], sex, prior: [...prior], event: eventOf(kind, claim.event_date, parseFigures(claim.figures)) })
  return { payout, limits: payoutLimits(catalogue, covers, prior, sex, kind, claim.event_date, payout) }
}

/**
 * The engine's payout for a claim: every active cover the person holds under
 * the catalogue (the overlap rules), earlier approved or paid claims of the same
 * person counting against caps; and the flags a reviewer must see.
 */
export async function assessClaim(db: Db, catalogues: CatalogueStore, input: AssessmentInput): Promise<Assessment> {
  const { enrolment } = input
  const { catalogue, covers, prior } = await engineInputs(db, catalogues, input.claimId, enrolment)
  const payout = computePayout(catalogue, { covers, sex: input.sex, prior, event: eventOf(input.kind, input.eventDate, input.figures) })

  const flags: StoredFlag[] = []
  const photo = await otherClaimWithPhoto(db, input.claimId, input.photoHashes)
  if (photo) flags.push({ code: 'duplicate_photo', otherClaimId: photo.claim_id })
  const invoice = await otherClaimWithInvoice(db, input.claimId, input.invoiceNumbers)
  if (invoice) flags.push({ code: 'duplicate_invoice', otherClaimId: invoice.claim_id })
  if (payout.lines.some((l) => l.refusal?.code === 'waiting_period')) flags.push({ code: 'waiting_period', otherClaimId: null })
  if (payout.lines.some((l) => l.refusal?.code === 'no_cover')) flags.push({ code: 'outside_cover', otherClaimId: null })
  const inForce = covers.filter((c) => input.eventDate >= c.start && input.eventDate <= c.end)
  if (inForce.length > 1) flags.push({ code: 'overlapping_cover', otherClaimId: null })
  return { payout, flags }
}
